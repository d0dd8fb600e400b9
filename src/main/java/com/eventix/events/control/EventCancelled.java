package com.eventix.events.control;

import java.util.UUID;

/**
 * Fired (CDI event, inside the cancelling transaction) when an event is cancelled, so that other features can
 * act on it: refunds of its paid orders, notices to ticket holders.
 */
public record EventCancelled(UUID eventId, String reason, UUID cancelledBy) {
}
