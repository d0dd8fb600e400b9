package com.eventix.booking.control;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Fired (CDI event) inside the transaction that marks an order PAID: its observers issue the tickets and write
 * the confirmation in that same transaction, so an order is never paid without its tickets, nor the reverse.
 */
public record OrderPaid(UUID orderId, UUID userId, BigDecimal totalAmount, String currency, List<Item> items) {
    /** {@code quantity} tickets of one tier. */
    public record Item(UUID eventId, UUID tierId, int quantity) {
    }
}
