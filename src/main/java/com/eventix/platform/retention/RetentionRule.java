package com.eventix.platform.retention;

import java.time.Duration;
import java.util.Objects;

/**
 * Rows of {@code table} that may go: those matching {@code condition}, in which {@code ?1} stands for the cutoff
 * (now minus {@code age}), e.g. {@code "expires_at < ?1"}. Features produce these as CDI beans; the condition
 * must only hold for rows that nothing reads any more (the retention sweep deletes them in batches).
 * Table and condition are code, never input.
 */
public record RetentionRule(String table, String condition, Duration age) {
    public RetentionRule {
        Objects.requireNonNull(table);
        Objects.requireNonNull(condition);
        if (!table.matches("[a-z_]+") || !condition.contains("?1")) {
            throw new IllegalArgumentException("a table name and a condition on ?1 are needed");
        }
        if (age.isNegative()) {
            throw new IllegalArgumentException("a retention age cannot be negative: " + table);
        }
    }
}
