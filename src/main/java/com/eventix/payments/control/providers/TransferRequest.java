package com.eventix.payments.control.providers;

import java.math.BigDecimal;

/**
 * A payout to make: {@code destination} is the organizer's account at the provider (a Stripe Connect account id, a
 * Paystack transfer recipient code); {@code key} names this one payout, so that sending it again never pays twice.
 */
public record TransferRequest(String destination, BigDecimal amount, String currency, String key, String description) {
}
