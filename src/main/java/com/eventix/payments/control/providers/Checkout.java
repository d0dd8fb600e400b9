package com.eventix.payments.control.providers;

/**
 * A payment created at the provider.
 *
 * @param providerReference the provider's id of it (Stripe: the Checkout Session id "cs_..."; Paystack: the
 *                          transaction reference, which is the payment id); keep it for status and refunds
 * @param paymentUrl        the provider's page to send the payer to
 */
public record Checkout(String providerReference, String paymentUrl) {
}
