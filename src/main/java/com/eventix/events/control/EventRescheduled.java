package com.eventix.events.control;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired (CDI event, inside the editing transaction) when an event on sale changes its time or place, so that its
 * ticket holders can be told: tickets records the notice in the same transaction.
 */
public record EventRescheduled(UUID eventId, Instant previousStart, String previousLocation) {
}
