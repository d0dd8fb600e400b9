package com.eventix.identity.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefreshTokenTest {
    private final Instant now = Instant.parse("2026-05-01T19:00:00Z");
    private final RefreshToken token = new RefreshToken(UUID.randomUUID(), UUID.randomUUID(), "hash", now,
            now.plus(Duration.ofDays(7)));

    @Test
    void isSpentOnceThenReportsReuse() {
        assertThat(token.use(now.plusSeconds(10))).isNull();
        assertThat(token.use(now.plusSeconds(20))).isEqualTo(RefreshToken.Rejection.REUSED);
    }

    @Test
    void refusesWhenExpiredOrRevoked() {
        assertThat(token.use(now.plus(Duration.ofDays(7)))).isEqualTo(RefreshToken.Rejection.EXPIRED);
        RefreshToken other = new RefreshToken(UUID.randomUUID(), UUID.randomUUID(), "h2", now, now.plusSeconds(60));
        other.revoke(now);
        assertThat(other.isRevoked()).isTrue();
        assertThat(other.use(now.plusSeconds(1))).isEqualTo(RefreshToken.Rejection.REVOKED);
    }
}
