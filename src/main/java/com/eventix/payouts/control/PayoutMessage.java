package com.eventix.payouts.control;

import java.util.UUID;

/**
 * The payouts queue's message: make attempt {@code attemptsBefore + 1} at sending this payout. A message whose attempt
 * has started already (a duplicate, a redelivery, or one queued again while it ran) is dropped.
 */
public record PayoutMessage(UUID payoutId, int attemptsBefore) {
}
