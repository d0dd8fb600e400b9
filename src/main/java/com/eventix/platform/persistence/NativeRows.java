package com.eventix.platform.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Reads the column values of native queries, whose Java types depend on the driver. */
public final class NativeRows {
    private NativeRows() {
    }

    public static UUID uuid(Object value) {
        return value == null ? null : value instanceof UUID id ? id : UUID.fromString(value.toString());
    }

    public static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        return OffsetDateTime.parse(value.toString()).toInstant();
    }
}
