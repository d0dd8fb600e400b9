package com.eventix.events.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CacheKeyTest {
    private static String key(EventCatalog.Filter filter) {
        return filter.fields(new CacheKey()).with("sort", EventCatalog.Sort.START_TIME)
                .with("page", 1).with("size", 20).digest();
    }

    private static EventCatalog.Filter category(String category) {
        return new EventCatalog.Filter(category, null, null, null, null, null, null);
    }

    @Test
    void anAbsentFilterIsNotTheTextNull() {
        assertThat(key(category("null"))).isNotEqualTo(key(EventCatalog.Filter.NONE));
        assertThat(key(category("NULL"))).isNotEqualTo(key(EventCatalog.Filter.NONE));
        assertThat(key(category("  "))).isEqualTo(key(EventCatalog.Filter.NONE));
    }

    @Test
    void requestsTheQueryAnswersAlikeShareOneKey() {
        assertThat(key(category(" Music "))).isEqualTo(key(category("music")));
        var cheap = new EventCatalog.Filter(null, null, null, " Accra ", new BigDecimal("10.00"), null, null);
        var same = new EventCatalog.Filter(null, null, null, "ACCRA", BigDecimal.TEN, null, null);
        assertThat(key(cheap)).isEqualTo(key(same));
        assertThat(same.canonical().location()).isEqualTo("accra");
        assertThat(key(new EventCatalog.Filter(null, null, null, null, new BigDecimal("0.00"), null, null)))
                .isEqualTo(key(new EventCatalog.Filter(null, null, null, null, BigDecimal.ZERO, null, null)));
    }

    @Test
    void valuesCannotForgeSeparatorsOrMoveBetweenFields() {
        assertThat(key(category("a&location=b"))).isNotEqualTo(key(new EventCatalog.Filter("a", null, null, "b", null,
                null, null)));
        assertThat(key(category("b"))).isNotEqualTo(key(new EventCatalog.Filter(null, null, null, "b", null, null,
                null)));
        UUID organizer = UUID.randomUUID();
        Instant from = Instant.parse("2026-05-01T19:00:00Z");
        assertThat(key(new EventCatalog.Filter(null, from, null, null, null, null, organizer)))
                .isNotEqualTo(key(new EventCatalog.Filter(null, null, from, null, null, null, organizer)))
                .matches("[0-9a-f]{64}");
    }
}
