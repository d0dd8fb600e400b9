package com.eventix.platform.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * A period given as two optional query parameters, ISO-8601 date-times with an offset ("2026-12-01T00:00:00Z"):
 * {@code from} inclusive, {@code to} exclusive. Bad values are added to {@code problems} under their parameter's
 * name, for the caller's one VALIDATION_FAILED answer.
 */
public record TimeRange(Instant from, Instant to) {

    public static TimeRange of(String from, String to, Map<String, Object> problems) {
        Instant start = time("from", from, problems);
        Instant end = time("to", to, problems);
        if (start != null && end != null && !start.isBefore(end)) {
            problems.put("to", "must be after from");
        }
        return new TimeRange(start, end);
    }

    private static Instant time(String name, String value, Map<String, Object> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            problems.put(name, "must be a date-time with an offset, such as 2026-12-01T00:00:00Z");
            return null;
        }
    }
}
