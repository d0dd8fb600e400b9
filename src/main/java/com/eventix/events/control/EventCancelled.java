package com.eventix.events.control;

import java.util.UUID;

/**
 * Fired (CDI event, inside the cancelling transaction) when an event is cancelled, so that features above events
 * can act on it without events knowing them. Today booking releases the event's holds once the cancellation has
 * committed; paid orders are not refunded and ticket holders are not told yet.
 */
public record EventCancelled(UUID eventId, String reason, UUID cancelledBy) {
}
