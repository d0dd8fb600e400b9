package com.eventix.payments.control.providers;

import java.math.BigDecimal;

/**
 * Where a payment stands according to the provider.
 *
 * @param amount   the amount of the payment, exact; null when the provider does not say
 * @param currency ISO 4217 code, upper case; null when the provider does not say
 * @param chargeReference the provider's id of the charge behind the checkout (Stripe's PaymentIntent), which its
 *                        dispute events name; null when there is none or the provider does not say
 */
public record PaymentStatus(String providerReference, State state, BigDecimal amount, String currency,
                            String chargeReference) {

    public PaymentStatus(String providerReference, State state, BigDecimal amount, String currency) {
        this(providerReference, state, amount, currency, null);
    }

    public enum State {
        /** Not paid yet: the payer may still pay (or an asynchronous payment is under way). */
        PENDING,
        /** The money is taken. */
        SUCCEEDED,
        /** It will not be paid: failed, expired, cancelled or reversed. */
        FAILED
    }
}
