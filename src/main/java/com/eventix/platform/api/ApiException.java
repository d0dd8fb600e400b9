package com.eventix.platform.api;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/**
 * A failure the client caused or must know about, carrying its stable code. Marked as an EJB application
 * exception so an EJB that throws it rolls back and the client still sees the code, not a 500.
 */
@ApplicationException(rollback = true)
public class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final Map<String, Object> details;
    private boolean effectsKept;

    public ApiException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public ApiException(ErrorCode code, String message, Map<String, Object> details) {
        super(message);
        this.code = code;
        this.details = details;
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    /**
     * Marks a failure after which what the request did stays done (e.g. an order recorded before its provider
     * failed): a retry with the same Idempotency-Key answers this same error rather than running again.
     */
    public ApiException keepingEffects() {
        this.effectsKept = true;
        return this;
    }

    public boolean effectsKept() {
        return effectsKept;
    }

    /** The first ApiException in a chain of causes (what layers wrapped around it), if any. */
    public static java.util.Optional<ApiException> foundIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException api) {
                return java.util.Optional.of(api);
            }
        }
        return java.util.Optional.empty();
    }

    public static ApiException notFound(String what) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " not found");
    }
}
