package com.eventix.platform.api;

/** 429: the caller must wait. */
public class RateLimitedException extends RetryLaterException {
    public RateLimitedException(long retryAfterSeconds) {
        super(ErrorCode.RATE_LIMITED, "Too many requests; retry later", retryAfterSeconds);
    }
}
