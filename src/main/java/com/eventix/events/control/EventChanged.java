package com.eventix.events.control;

import java.util.UUID;

/** Fired (CDI event) whenever something that listings or event pages show has changed. */
public record EventChanged(UUID eventId) {
}
