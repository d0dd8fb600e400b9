package com.eventix.events.control;

import java.util.UUID;

/**
 * Fired (CDI event, inside the cancelling transaction) when an event is cancelled, so that features above events
 * can act on it without events knowing them: payments records, in this same transaction, a refund run for every
 * paid order of the event (each is then refunded in full, its tickets cancelled and its buyer emailed by the sweeps
 * of every instance), and booking releases the event's holds once the cancellation has committed.
 */
public record EventCancelled(UUID eventId, String reason, UUID cancelledBy) {
}
