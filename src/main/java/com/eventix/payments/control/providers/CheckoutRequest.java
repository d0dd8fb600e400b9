package com.eventix.payments.control.providers;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * What a provider needs to take one payment.
 *
 * @param paymentId     Eventix's payment id; the providers carry it back in webhooks
 * @param orderId       the order being paid
 * @param amount        the exact amount to charge, in {@code currency}
 * @param currency      ISO 4217 code, e.g. "USD"
 * @param customerEmail the payer's email (Paystack requires one; Stripe pre-fills its form with it)
 * @param successUrl    where the provider sends the payer back after paying
 * @param cancelUrl     where the provider sends the payer back on cancel
 * @param description   what the payer sees on the provider's page; defaults to "Eventix order {orderId}"
 */
public record CheckoutRequest(UUID paymentId, UUID orderId, BigDecimal amount, String currency, String customerEmail,
        String successUrl, String cancelUrl, String description) {

    public CheckoutRequest {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(customerEmail, "customerEmail");
        Objects.requireNonNull(successUrl, "successUrl");
        Objects.requireNonNull(cancelUrl, "cancelUrl");
        if (description == null || description.isBlank()) {
            description = "Eventix order " + orderId;
        }
    }

    public CheckoutRequest(UUID paymentId, UUID orderId, BigDecimal amount, String currency, String customerEmail,
            String successUrl, String cancelUrl) {
        this(paymentId, orderId, amount, currency, customerEmail, successUrl, cancelUrl, null);
    }
}
