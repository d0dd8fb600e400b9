package com.eventix.platform.api;

/**
 * The few pages Eventix serves to people rather than to API clients (a sandbox checkout, the links in account
 * emails): plain HTML forms, no script, every interpolated text escaped.
 */
public final class HtmlPage {
    private HtmlPage() {
    }

    /** A complete page; {@code body} is HTML the caller built with {@link #escape}d text. */
    public static String of(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                + "</title></head><body><h1>" + escape(title) + "</h1>" + body + "</body></html>";
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
