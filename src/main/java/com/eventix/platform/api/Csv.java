package com.eventix.platform.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** CSV exports (RFC 4180, CRLF line ends): what a request asks for, its cells, and the file answered. */
public final class Csv {
    public static final String MEDIA_TYPE = "text/csv";
    private static final MediaType CSV = new MediaType("text", "csv");

    private Csv() {
    }

    /**
     * Whether the request prefers text/csv to JSON: its most acceptable named type (by quality, then order) is CSV.
     * A wildcard alone is not asking for CSV, and a client that accepts both equally (a generated client lists every
     * type an operation produces) gets JSON.
     */
    public static boolean wanted(HttpHeaders headers) {
        return wanted(headers.getAcceptableMediaTypes());
    }

    /** {@link #wanted(HttpHeaders)} of the acceptable types, most acceptable first. */
    static boolean wanted(List<MediaType> acceptable) {
        return acceptable.stream()
                .filter(t -> !t.isWildcardType() && (t.isCompatible(CSV) || t.isCompatible(MediaType.APPLICATION_JSON_TYPE)))
                .findFirst().map(t -> t.isCompatible(CSV)).orElse(false);
    }

    /**
     * A quoted cell; a leading =, +, - or @ is prefixed with an apostrophe so that a spreadsheet opening the export
     * does not run a buyer's or holder's name as a formula.
     */
    public static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** The file as an attachment named {@code filename}. */
    public static Response attachment(String body, String filename) {
        return Response.ok(body, MEDIA_TYPE + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}
