package com.eventix.booking.control;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Fired (CDI event) inside the transaction where a paid order is turned down (its holds had run out and the
 * tickets were sold, or its event is no longer on sale): the buyer is told, and the payment goes back.
 *
 * @param why what stopped it, as the buyer reads it ("its event is no longer on sale")
 */
public record OrderRefused(UUID orderId, UUID userId, BigDecimal totalAmount, String currency, String why) {
}
