package com.eventix.payments.control.providers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A verified provider webhook, read into what Eventix acts on. Providers deliver at least once, so a consumer must
 * apply each {@code providerEventId} once.
 *
 * @param providerEventId   stable id of the event, the same on every redelivery (deduplication key)
 * @param type              what happened; OTHER for events Eventix does not act on (their other fields are null)
 * @param providerReference which payment it is about, of the kind {@code referenceKind} says
 * @param referenceKind     CHECKOUT: the reference {@link PaymentProvider#startCheckout} answered; PAYMENT_INTENT:
 *                          Stripe's PaymentIntent id ("pi_..."), which Stripe refund events carry instead of the
 *                          session: match those by {@code paymentId}
 * @param paymentId         Eventix's payment id read back from the provider's metadata (or, for Paystack, the
 *                          reference); null when the event does not carry one
 * @param amount            exact; for payment events the amount of the payment. For REFUND_SUCCEEDED, Stripe
 *                          (charge.refunded) reports the total refunded on the payment so far, Paystack
 *                          (refund.processed) the amount of that one refund
 * @param currency          ISO 4217 code, upper case
 * @param occurredAt        when the provider says it happened, or the time of receipt when it does not say
 */
public record WebhookEvent(String providerEventId, Type type, String providerReference, ReferenceKind referenceKind,
        UUID paymentId, BigDecimal amount, String currency, Instant occurredAt) {

    public enum Type {
        PAYMENT_SUCCEEDED,
        PAYMENT_FAILED,
        REFUND_SUCCEEDED,
        OTHER
    }

    public enum ReferenceKind {
        CHECKOUT,
        PAYMENT_INTENT
    }

    /** An event Eventix acknowledges and otherwise ignores. */
    public static WebhookEvent other(String providerEventId, Instant occurredAt) {
        return new WebhookEvent(providerEventId, Type.OTHER, null, null, null, null, null, occurredAt);
    }
}
