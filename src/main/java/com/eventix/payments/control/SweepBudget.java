package com.eventix.payments.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long one sweep may spend asking payment providers, one call after another: a slow provider must not hold
 * up the sweep's other work (expiring holds). What is left over waits for the next sweep.
 */
record SweepBudget(Clock clock, Instant end) {
    static final Duration PER_SWEEP = Duration.ofSeconds(10);

    static SweepBudget start(Clock clock) {
        return new SweepBudget(clock, clock.instant().plus(PER_SWEEP));
    }

    boolean spent() {
        return clock.instant().isAfter(end);
    }
}
