package com.eventix.events.control;

import java.util.UUID;

/**
 * Fired (CDI event) whenever something that listings or event pages show has changed.
 *
 * @param inventoryOnly only ticket counts moved (a hold, a release, a sale): during a drop these come by the
 *                      hundred per second, so cached pages catch up with them within a bounded delay rather than
 *                      once per change (see {@link EventCache})
 */
public record EventChanged(UUID eventId, boolean inventoryOnly) {
    /** The event itself changed: its details, tiers, prices or status. */
    public static EventChanged details(UUID eventId) {
        return new EventChanged(eventId, false);
    }

    /** Tickets of the event were held, released or sold. */
    public static EventChanged inventory(UUID eventId) {
        return new EventChanged(eventId, true);
    }
}
