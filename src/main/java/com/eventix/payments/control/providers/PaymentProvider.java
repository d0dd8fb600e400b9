package com.eventix.payments.control.providers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A payment service that takes the payer's money: the built-in sandbox, Stripe, Paystack. An interface because there
 * are several adapters, chosen per payment by name (see {@link PaymentProviders}).
 *
 * <p>Failures are ApiExceptions with stable codes: PAYMENT_PROVIDER_NOT_CONFIGURED (503) when the provider's secret
 * is not set, PAYMENT_PROVIDER_ERROR (502) when it cannot be reached, times out or refuses, INVALID_CURRENCY or
 * INVALID_AMOUNT (422) for money it cannot take exactly, INVALID_WEBHOOK_SIGNATURE (400) for a webhook that does not
 * prove it came from the provider.
 */
public interface PaymentProvider {
    /** The lower-case name payments and webhook URLs use: "stripe", "paystack". */
    String name();

    /**
     * Creates the provider-side payment and answers where to send the payer. Repeating it for the same request does
     * not create a second charge (each adapter says how).
     */
    Checkout startCheckout(CheckoutRequest request);

    /** What closing a checkout achieved. */
    enum Closure {
        /** The provider will take no payment for it any more. */
        CLOSED,
        /** The provider cannot close checkouts: the payer may still pay, and the payment is then honoured or refunded. */
        UNSUPPORTED
    }

    /**
     * Closes an unpaid checkout, so that the payer can no longer pay for holds that are gone. Fails
     * (PAYMENT_PROVIDER_ERROR, or CONFLICT) when it cannot be closed, for instance because it was paid meanwhile:
     * the caller then asks {@link #status}.
     */
    Closure closeCheckout(String providerReference);

    /** Asks the provider where the payment stands, e.g. before releasing a hold that is about to expire. */
    PaymentStatus status(String providerReference);

    /**
     * Checks that the webhook was signed by the provider, over exactly these bytes as received (never a re-encoded
     * body), then reads it. Call it before anything else looks at the body.
     *
     * @param headers the request headers; names are matched case-insensitively
     * @param now     the time of receipt, for signature schemes that refuse stale deliveries
     */
    WebhookEvent verifyWebhook(byte[] rawBody, Map<String, String> headers, Instant now);

    /**
     * Refunds {@code amount} of the payment the provider knows as {@code providerReference} (what
     * {@link #startCheckout} answered). The key identifies this one refund: a retry with the same key must not refund
     * twice: adapters use the provider's idempotency keys or, where it has none, look for an earlier refund first.
     */
    Refund refund(String providerReference, BigDecimal amount, String currency, String idempotencyKey);

    /**
     * Sends money from the platform's balance at the provider to an organizer's account there. Sending the same
     * {@code request.key()} again must not pay twice (adapters use the provider's idempotency key or reference).
     */
    Transfer transfer(TransferRequest request);

    /**
     * The transfer made earlier with this key, if the provider knows one: asked before a payout whose outcome is
     * unknown (the server stopped between the call and recording its answer) is sent again.
     */
    java.util.Optional<Transfer> findTransfer(String key);

    /**
     * What the provider kept as its fee on a settled charge, from its record of the settlement ({@code settlement},
     * named by a {@link WebhookEvent.Type#FEE_REPORTED} event), exact in {@code currency}; empty when it keeps its
     * fee in another currency or does not say. Providers that report fees in their payment events answer empty.
     */
    default java.util.Optional<BigDecimal> fee(String settlement, String currency) {
        return java.util.Optional.empty();
    }
}
