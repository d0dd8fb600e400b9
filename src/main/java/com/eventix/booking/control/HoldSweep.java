package com.eventix.booking.control;

import java.time.Instant;

/**
 * Fired (CDI event, synchronously, outside any transaction) by each hold expiry sweep: {@link Phase#BEFORE_EXPIRY}
 * just before due holds are expired, so whoever can still keep a hold alive (a payment that has meanwhile
 * succeeded) acts first, and {@link Phase#AFTER_EXPIRY} once they are, so whoever waits on ended holds (checkouts
 * left without any) acts on fresh state. Observers handle their own failures; the sweep goes on regardless.
 */
public record HoldSweep(Phase phase, Instant now) {
    public enum Phase { BEFORE_EXPIRY, AFTER_EXPIRY }
}
