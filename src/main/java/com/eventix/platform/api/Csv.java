package com.eventix.platform.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** CSV exports (RFC 4180, CRLF line ends): what a request asks for, its cells, and the file answered. */
public final class Csv {
    public static final String MEDIA_TYPE = "text/csv";

    private Csv() {
    }

    /** Whether the request names text/csv among what it accepts (a wildcard alone is not asking for CSV). */
    public static boolean wanted(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(t -> t.isCompatible(MediaType.valueOf(MEDIA_TYPE)) && !t.isWildcardType());
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
