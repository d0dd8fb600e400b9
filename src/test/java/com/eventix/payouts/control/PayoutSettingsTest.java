package com.eventix.payouts.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PayoutSettingsTest {
    private static final Instant ENDED = Instant.parse("2026-06-01T22:00:00Z");
    private final PayoutSettings settings = new PayoutSettings(Duration.ofDays(7), new BigDecimal("10"),
            Duration.ofDays(60), Duration.ofMinutes(1), 8);

    @Test
    void theFirstPayoutComesAfterTheDelayAndTheReserveAfterItsPeriod() {
        assertThat(settings.firstPayoutAt(ENDED)).isEqualTo(ENDED.plus(Duration.ofDays(7)));
        assertThat(settings.reserveReleasedAt(ENDED)).isEqualTo(ENDED.plus(Duration.ofDays(67)));
        assertThat(settings.endedBy(ENDED.plus(Duration.ofDays(7)))).isEqualTo(ENDED);
    }

    @Test
    void theReserveIsAShareOfWhatWasCapturedRoundedUpUntilItIsReleased() {
        Instant during = ENDED.plus(Duration.ofDays(8));
        assertThat(settings.reserveOn(10_000, ENDED, during)).isEqualTo(1_000);
        assertThat(settings.reserveOn(10_001, ENDED, during)).as("rounded up, never under").isEqualTo(1_001);
        assertThat(settings.reserveOn(0, ENDED, during)).isZero();
        assertThat(settings.reserveOn(10_000, ENDED, settings.reserveReleasedAt(ENDED))).isZero();
        assertThat(new PayoutSettings(Duration.ofDays(7), BigDecimal.ZERO, Duration.ofDays(60), Duration.ofMinutes(1), 8)
                .reserveOn(10_000, ENDED, during)).isZero();
    }

    @Test
    void retriesWaitLongerEachTimeUpToAnHour() {
        assertThat(settings.retryAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.retryAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.retryAfter(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(settings.retryAfter(7)).isEqualTo(Duration.ofHours(1));
        assertThat(settings.retryAfter(1_000)).isEqualTo(Duration.ofHours(1));
    }
}
