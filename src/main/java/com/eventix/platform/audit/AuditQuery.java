package com.eventix.platform.audit;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.api.TimeRange;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What to find in the audit log; every part is optional. {@code involving} finds what a user did and what was done
 * to their account; {@code from} is inclusive, {@code to} exclusive.
 */
public record AuditQuery(String action, UUID actorId, String resourceType, String resourceId, UUID involving,
                         Instant from, Instant to) {
    /** Longest text a filter may be: the columns' own width. */
    static final int MAX_TEXT = 64;

    /** Everything involving one user's account. */
    public static AuditQuery involving(UUID userId) {
        return new AuditQuery(null, null, null, null, userId, null, null);
    }

    /**
     * A query from request parameters: times as ISO-8601 date-times with an offset ("2026-12-01T00:00:00Z"). Every
     * bad value is named in one VALIDATION_FAILED answer.
     */
    public static AuditQuery of(String action, UUID actorId, String resourceType, String resourceId, String from,
                                String to) {
        Map<String, Object> problems = new LinkedHashMap<>();
        TimeRange period = TimeRange.of(from, to, problems);
        text("action", action, problems);
        text("resourceType", resourceType, problems);
        text("resourceId", resourceId, problems);
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Invalid audit log query", problems);
        }
        return new AuditQuery(blankToNull(action), actorId, blankToNull(resourceType), blankToNull(resourceId), null,
                period.from(), period.to());
    }

    private static void text(String name, String value, Map<String, Object> problems) {
        if (value != null && value.length() > MAX_TEXT) {
            problems.put(name, "must be at most " + MAX_TEXT + " characters");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
