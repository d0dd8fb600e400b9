package com.eventix.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutboxMessageTest {
    private final Instant now = Instant.parse("2026-05-01T12:00:00Z");

    @Test
    void aFailureWaitsLongerEachTimeUpToTheCapThenTheMessageIsDead() {
        OutboxMessage message = new OutboxMessage(UUID.randomUUID(), "q", "{}", now, null);
        message.published(now);
        assertThat(message.failed("boom 1", now, 4, Duration.ofSeconds(30), Duration.ofMinutes(1))).isFalse();
        assertThat(message.attempts()).isEqualTo(1);
        assertThat(message.failed("boom 2", now, 4, Duration.ofSeconds(30), Duration.ofMinutes(1))).isFalse();
        assertThat(message.failed("boom 3", now, 4, Duration.ofSeconds(30), Duration.ofMinutes(1))).isFalse();
        assertThat(message.failed("boom 4", now, 4, Duration.ofSeconds(30), Duration.ofMinutes(1))).isTrue();
        assertThat(message.attempts()).isEqualTo(4);
        assertThat(message.lastError()).isEqualTo("boom 4");
        assertThat(message.failed("again", now, 4, Duration.ofSeconds(30), Duration.ofMinutes(1)))
                .as("a dead message stays dead, its count and error as they were").isTrue();
        assertThat(message.attempts()).isEqualTo(4);
    }

    @Test
    void theErrorKeptIsBounded() {
        OutboxMessage message = new OutboxMessage(UUID.randomUUID(), "q", "{}", now, null);
        message.failed("x".repeat(10_000), now, 10, Duration.ofSeconds(1), Duration.ofHours(1));
        assertThat(message.lastError()).hasSize(4000);
    }
}
