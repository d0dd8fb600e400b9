package com.eventix.identity.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountTokenTest {
    private final Instant now = Instant.parse("2026-05-01T19:00:00Z");

    @Test
    void worksOnceBeforeItExpires() {
        AccountToken token = new AccountToken(UUID.randomUUID(), AccountToken.Purpose.RESET_PASSWORD, "h", now,
                now.plus(Duration.ofMinutes(30)));
        assertThat(token.redeem(now.plusSeconds(5))).isTrue();
        assertThat(token.isUsed()).isTrue();
        assertThat(token.redeem(now.plusSeconds(6))).isFalse();
    }

    @Test
    void anExpiredTokenIsRefusedAndStaysUnused() {
        AccountToken token = new AccountToken(UUID.randomUUID(), AccountToken.Purpose.VERIFY_EMAIL, "h", now,
                now.plus(Duration.ofMinutes(30)));
        assertThat(token.redeem(now.plus(Duration.ofMinutes(30)))).isFalse();
        assertThat(token.isUsed()).isFalse();
    }
}
