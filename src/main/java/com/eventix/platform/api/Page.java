package com.eventix.platform.api;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One page of a list, with the total so clients can render pagers. Pages are numbered from 1. The OpenAPI document
 * names it per item (EventPage, TicketPage, ...).
 */
public record Page<T>(List<T> items, int page, int size, long total) {
    public static final int MAX_SIZE = 100;
    /** Deeper than this is a crawl, not paging; it also keeps the row offset far from overflowing. */
    public static final int MAX_PAGE = 10_000;

    /**
     * Checks requested paging: page from 1, size from 1 to {@link #MAX_SIZE}. (Checked here rather than with
     * Bean Validation on query parameters, which Payara's OpenAPI scanner cannot process.)
     */
    public static void checkRequest(int page, int size) {
        Map<String, Object> problems = new TreeMap<>();
        if (page < 1 || page > MAX_PAGE) {
            problems.put("page", "must be between 1 and " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            problems.put("size", "must be between 1 and " + MAX_SIZE);
        }
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Invalid paging", problems);
        }
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }

    public int offset() {
        return (page - 1) * size;
    }
}
