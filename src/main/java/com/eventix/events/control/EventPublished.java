package com.eventix.events.control;

import java.util.UUID;

/**
 * Fired (CDI event, inside the publishing transaction) when an event goes on sale, so that what its sales will
 * need is ready before the first buyer arrives (its ticket-signing key, for instance).
 */
public record EventPublished(UUID eventId) {
}
