package com.eventix.tickets.control;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired (CDI event, synchronously, in the accepting transaction) when a ticket changes hands: from then on only codes
 * of {@code codeVersion} admit it, so whoever keeps ticket state elsewhere (check-in) can drop what it knew.
 */
public record TicketTransferred(UUID transferId, UUID ticketId, UUID eventId, UUID fromUserId, UUID toUserId,
                                int codeVersion, Instant at) {
}
