package com.eventix.platform.api;

import java.util.Map;

/** 503: the server is at its capacity for this kind of work; the wait travels as Retry-After and in the details. */
public class ServiceBusyException extends ApiException {
    private final long retryAfterSeconds;

    public ServiceBusyException(long retryAfterSeconds) {
        super(ErrorCode.SERVICE_BUSY, "The server is busy; retry shortly", Map.of("retryAfterSeconds", retryAfterSeconds));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
