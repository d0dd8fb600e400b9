package com.eventix.platform.api;

import java.util.Map;

/** A refusal that ends by itself: the wait travels as Retry-After and in the details. */
public abstract class RetryLaterException extends ApiException {
    private final long retryAfterSeconds;

    protected RetryLaterException(ErrorCode code, String message, long retryAfterSeconds) {
        super(code, message, Map.of("retryAfterSeconds", retryAfterSeconds));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
