package com.eventix.identity.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefreshTokenTest {
    private static final Duration MAX_AGE = Duration.ofDays(30);
    private final Instant now = Instant.parse("2026-05-01T19:00:00Z");
    private final RefreshToken token = new RefreshToken(UUID.randomUUID(), UUID.randomUUID(), now, "hash", now,
            now.plus(Duration.ofDays(7)));

    @Test
    void isSpentOnceThenReportsReuse() {
        assertThat(token.use(now.plusSeconds(10), MAX_AGE)).isNull();
        assertThat(token.use(now.plusSeconds(20), MAX_AGE)).isEqualTo(RefreshToken.Rejection.REUSED);
    }

    @Test
    void refusesWhenExpiredOrRevoked() {
        assertThat(token.use(now.plus(Duration.ofDays(7)), MAX_AGE)).isEqualTo(RefreshToken.Rejection.EXPIRED);
        RefreshToken other = new RefreshToken(UUID.randomUUID(), UUID.randomUUID(), now, "h2", now, now.plusSeconds(60));
        other.revoke(now);
        assertThat(other.isRevoked()).isTrue();
        assertThat(other.use(now.plusSeconds(1), MAX_AGE)).isEqualTo(RefreshToken.Rejection.REVOKED);
    }

    @Test
    void aFreshlyRotatedTokenOfAnOldSignInIsRefused() {
        Instant signIn = now.minus(Duration.ofDays(29));
        Instant issued = now.minusSeconds(60);
        RefreshToken rotated = new RefreshToken(UUID.randomUUID(), UUID.randomUUID(), signIn, "h3", issued,
                issued.plus(Duration.ofDays(7)));
        assertThat(rotated.familyStartedAt()).isEqualTo(signIn);
        assertThat(rotated.use(signIn.plus(MAX_AGE), MAX_AGE)).isEqualTo(RefreshToken.Rejection.SESSION_EXPIRED);

        RefreshToken young = new RefreshToken(UUID.randomUUID(), UUID.randomUUID(), signIn, "h4", issued,
                issued.plus(Duration.ofDays(7)));
        assertThat(young.use(signIn.plus(MAX_AGE).minusSeconds(1), MAX_AGE)).isNull();
    }
}
