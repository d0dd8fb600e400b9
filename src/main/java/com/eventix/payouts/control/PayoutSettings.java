package com.eventix.payouts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** When payouts are due, what they keep back and how failed attempts are spaced (see .env.example). */
@ApplicationScoped
public class PayoutSettings {
    /** How long an attempt may take before it is treated as in doubt: past the providers' HTTP timeouts. */
    static final Duration ATTEMPT_LEASE = Duration.ofMinutes(2);
    private static final Duration MAX_RETRY_DELAY = Duration.ofHours(1);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Inject
    @ConfigProperty(name = "PAYOUT_DELAY")
    Duration delay;
    @Inject
    @ConfigProperty(name = "PAYOUT_RESERVE_PERCENT")
    BigDecimal reservePercent;
    @Inject
    @ConfigProperty(name = "PAYOUT_RESERVE_PERIOD")
    Duration reservePeriod;
    @Inject
    @ConfigProperty(name = "PAYOUT_RETRY_DELAY")
    Duration retryDelay;
    @Inject
    @ConfigProperty(name = "PAYOUT_MAX_ATTEMPTS")
    int maxAttempts;

    public PayoutSettings() {
    }

    PayoutSettings(Duration delay, BigDecimal reservePercent, Duration reservePeriod, Duration retryDelay,
                   int maxAttempts) {
        this.delay = delay;
        this.reservePercent = reservePercent;
        this.reservePeriod = reservePeriod;
        this.retryDelay = retryDelay;
        this.maxAttempts = maxAttempts;
    }

    /** The first moment an event that ended at {@code endedAt} is paid out. */
    public Instant firstPayoutAt(Instant endedAt) {
        return endedAt.plus(delay);
    }

    /** Until then part of the money is kept back for late refunds; afterwards the rest is paid out. */
    public Instant reserveReleasedAt(Instant endedAt) {
        return endedAt.plus(delay).plus(reservePeriod);
    }

    /** Events that ended before this are due a payout at {@code now}. */
    Instant endedBy(Instant now) {
        return now.minus(delay);
    }

    /** The oldest end of an event still looked at: a month after its reserve was released. */
    Instant lookBackTo(Instant now) {
        return now.minus(delay).minus(reservePeriod).minus(Duration.ofDays(30));
    }

    /** What is kept back of an event's captured money at {@code now}, in minor units (rounded up). */
    public long reserveOn(long capturedMinor, Instant endedAt, Instant now) {
        if (!now.isBefore(reserveReleasedAt(endedAt)) || capturedMinor <= 0) {
            return 0;
        }
        return BigDecimal.valueOf(capturedMinor).multiply(reservePercent).divide(HUNDRED, 0, RoundingMode.CEILING)
                .longValueExact();
    }

    /** The wait after the {@code attempts}-th failed attempt: PAYOUT_RETRY_DELAY doubling, at most an hour. */
    Duration retryAfter(int attempts) {
        Duration wait = retryDelay.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : wait;
    }

    int maxAttempts() {
        return maxAttempts;
    }
}
