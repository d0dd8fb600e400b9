package com.eventix.platform.audit;

/** Where a request came from, for audit rows and per-client rate limits. */
public record RequestOrigin(String ip, String userAgent) {
    public static final RequestOrigin INTERNAL = new RequestOrigin("internal", null);
}
