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
 * @param amount            exact; for payment events the amount of the payment, for REFUND_SUCCEEDED the amount
 *                          of that one refund, for REFUNDED_TOTAL everything refunded on the payment so far, for
 *                          dispute events the disputed amount
 * @param currency          ISO 4217 code, upper case
 * @param occurredAt        when the provider says it happened, or the time of receipt when it does not say
 * @param objectId          the provider's id of what the event is about besides the payment: the PaymentIntent a
 *                          paid Stripe session charged (recorded so that its disputes can be matched), the refund of
 *                          a refund event, the dispute of a dispute event; null when it does not say
 * @param dispute           for dispute events, where the dispute stands; null for any other
 * @param providerFee       what the provider kept of the payment as its fee, exact, in {@code currency}; null when the
 *                          event does not say (for FEE_REPORTED, until {@link PaymentProvider#fee} was asked)
 */
public record WebhookEvent(String providerEventId, Type type, String providerReference, ReferenceKind referenceKind,
        UUID paymentId, BigDecimal amount, String currency, Instant occurredAt, String objectId, Dispute dispute,
        BigDecimal providerFee) {

    public enum Type {
        PAYMENT_SUCCEEDED,
        PAYMENT_FAILED,
        /** One refund went through (Paystack's refund.processed): ours, or one made in the provider's dashboard. */
        REFUND_SUCCEEDED,
        /** The payment's refunded total changed (Stripe's charge.refunded): ours, the dashboard's, or both. */
        REFUNDED_TOTAL,
        /** A chargeback or an inquiry was opened, changed, took or gave back money, or closed. */
        DISPUTE,
        /**
         * The provider settled the payment's charge and can say what it kept as its fee ({@code objectId}: its
         * record of the settlement, which {@link PaymentProvider#fee} reads).
         */
        FEE_REPORTED,
        OTHER
    }

    /**
     * A dispute as the provider describes it.
     *
     * @param status    where it stands: INQUIRY (no money taken yet), OPEN (money taken, being decided), WON, LOST
     * @param fundsMove what this event did to the money: WITHDRAWN, REINSTATED or NONE
     * @param reason    the provider's reason code ("fraudulent", "product_not_received", ...), or null
     */
    public record Dispute(Status status, FundsMove fundsMove, String reason) {
        public enum Status { INQUIRY, OPEN, WON, LOST }

        public enum FundsMove { WITHDRAWN, REINSTATED, NONE }
    }

    /** A payment event: what a checkout took or failed to take. */
    public static WebhookEvent payment(String providerEventId, Type type, String providerReference,
                                       ReferenceKind referenceKind, UUID paymentId, BigDecimal amount, String currency,
                                       Instant occurredAt, String chargeReference, BigDecimal providerFee) {
        return new WebhookEvent(providerEventId, type, providerReference, referenceKind, paymentId, amount, currency,
                occurredAt, chargeReference, null, providerFee);
    }

    /** The same event with the fee the provider was asked for. */
    public WebhookEvent withProviderFee(BigDecimal fee) {
        return new WebhookEvent(providerEventId, type, providerReference, referenceKind, paymentId, amount, currency,
                occurredAt, objectId, dispute, fee);
    }

    public enum ReferenceKind {
        CHECKOUT,
        PAYMENT_INTENT
    }

    /** An event Eventix acknowledges and otherwise ignores. */
    public static WebhookEvent other(String providerEventId, Instant occurredAt) {
        return new WebhookEvent(providerEventId, Type.OTHER, null, null, null, null, null, occurredAt, null, null, null);
    }
}
