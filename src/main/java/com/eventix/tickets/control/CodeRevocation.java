package com.eventix.tickets.control;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket whose codes below {@code minValidVersion} are void (it was transferred), and when that version was
 * issued: what scanners put in their offline revocation set.
 */
public record CodeRevocation(UUID ticketId, int minValidVersion, Instant changedAt) {
}
