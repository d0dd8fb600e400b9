package com.eventix.platform.api;

/** 503: the server is at its capacity for this kind of work. */
public class ServiceBusyException extends RetryLaterException {
    public ServiceBusyException(long retryAfterSeconds) {
        super(ErrorCode.SERVICE_BUSY, "The server is busy; retry shortly", retryAfterSeconds);
    }
}
