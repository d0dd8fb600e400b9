package com.eventix.payments.control;

import com.eventix.booking.control.Orders;
import com.eventix.booking.entity.Order;
import com.eventix.payments.control.providers.WebhookEvent;
import com.eventix.payments.entity.Payment;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.audit.AuditLog;
import com.eventix.platform.audit.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The database side of payments, each step its own short transaction, so no transaction stays open while a
 * provider is called over the network.
 */
@ApplicationScoped
public class PaymentRecords {
    private static final Logger LOG = Logger.getLogger(PaymentRecords.class.getName());
    /** A PENDING attempt younger than this may still be waiting for its provider to create the checkout. */
    static final Duration CHECKOUT_CREATION = Duration.ofMinutes(2);
    /** The "provider" of orders that cost nothing. */
    public static final String FREE = "free";

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    MetricRegistry metrics;
    @Inject
    Orders orders;
    @Inject
    AuditLog audit;
    @Inject
    Ledger ledger;
    @Inject
    ProviderAdjustments adjustments;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "PAYMENT_CHECK_INTERVAL")
    Duration checkInterval;
    /** How long past their expiry the holds of a payment in flight are kept. */
    @Inject
    @ConfigProperty(name = "PAYMENT_GRACE")
    Duration paymentGrace;

    /** What applying a webhook left to do outside the transaction: nothing, or refunding this payment. */
    public record Followup(UUID refundPaymentId) {
        static final Followup NONE = new Followup(null);

        static Followup refund(Payment payment) {
            return new Followup(payment.id());
        }

        public boolean refund() {
            return refundPaymentId != null;
        }
    }

    /**
     * Places the order and its first payment attempt (PENDING). An order of free tickets needs no provider: its
     * payment completes and its tickets are issued at once.
     */
    @Transactional
    public Payment open(UUID userId, List<UUID> reservationIds, String provider, RequestOrigin origin) {
        Order order = orders.place(userId, reservationIds);
        boolean free = order.totalAmount().signum() == 0;
        Instant now = clock.instant();
        Payment payment = new Payment(order.id(), free ? FREE : provider, order.totalAmount(), order.currency(), now);
        em.persist(payment);
        audit.success(userId, "ORDER_PLACED", "order", order.id(), origin, payment.provider());
        if (free) {
            em.flush();
            payment.authorize(null, null, now);
            payment.complete(now);
            if (orders.fulfil(order.id()) != Orders.Fulfilment.FULFILLED) {
                // place() checked the holds and the event in this same transaction: nothing can refuse them here.
                throw new IllegalStateException("Free order " + order.id() + " could not be fulfilled");
            }
        }
        return payment;
    }

    /** Another payment attempt for the user's pending order, allowed only when no attempt is open or done. */
    @Transactional
    public Payment reopen(UUID userId, UUID orderId, String provider, RequestOrigin origin) {
        Order order = orders.visible(orderId, userId, false);
        em.lock(order, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(order);
        if (!order.isOpen()) {
            throw new ApiException(ErrorCode.INVALID_STATE_TRANSITION, "This order is " + order.status(),
                    Map.of("status", order.status().name()));
        }
        failAttemptsNeverCreated(orderId);
        if (ofOrder(orderId).stream().anyMatch(p -> p.status() != Payment.Status.FAILED)) {
            throw new ApiException(ErrorCode.PAYMENT_IN_PROGRESS, "This order already has a payment in progress or done");
        }
        if (!orders.holdsAllActive(orderId)) {
            throw new ApiException(ErrorCode.RESERVATION_NOT_ACTIVE, "The order's reservations have ended; reserve again");
        }
        Payment payment = new Payment(orderId, provider, order.totalAmount(), order.currency(), clock.instant());
        em.persist(payment);
        audit.success(userId, "PAYMENT_RETRIED", "order", orderId, origin, provider);
        return payment;
    }

    @Transactional
    public Payment authorized(UUID paymentId, String reference, String url) {
        Payment payment = locked(paymentId);
        payment.authorize(reference, url, clock.instant());
        // The payer may pay up to the last second of the holds, and the provider confirm a while later.
        orders.protectHolds(payment.orderId(), paymentGrace);
        return payment;
    }

    @Transactional
    public Payment failed(UUID paymentId, String reason) {
        Payment payment = locked(paymentId);
        if (!payment.isFinal()) {
            payment.fail(reason, clock.instant());
        }
        return payment;
    }

    /**
     * Applies a verified webhook once: the provider's event id is recorded in the same transaction, so a repeated
     * delivery finds it and changes nothing. Events may arrive late or out of order: a payment already settled
     * or failed is not moved back.
     */
    @Transactional
    public Followup apply(String provider, WebhookEvent event) {
        int fresh = em.createNativeQuery("INSERT INTO webhook_events (provider, provider_event_id) VALUES (?1, ?2) "
                + "ON CONFLICT DO NOTHING").setParameter(1, provider).setParameter(2, event.providerEventId())
                .executeUpdate();
        if (fresh == 0 || event.type() == WebhookEvent.Type.OTHER) {
            return Followup.NONE;
        }
        Payment payment = find(provider, event);
        if (payment == null) {
            LOG.warning("Webhook " + event.providerEventId() + " from " + provider + " names no known payment");
            return Followup.NONE;
        }
        em.lock(payment, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(payment);
        Instant now = clock.instant();
        Payment.Status before = payment.status();
        Followup followup = switch (event.type()) {
            case PAYMENT_SUCCEEDED -> captured(provider, payment, event, now);
            case PAYMENT_FAILED -> {
                if (payment.declined("declined by " + provider, now)) {
                    orders.cancel(payment.orderId());
                    audit.success(null, "PAYMENT_FAILED", "payment", payment.id(), RequestOrigin.INTERNAL, provider);
                }
                yield Followup.NONE;
            }
            case REFUND_SUCCEEDED, REFUNDED_TOTAL -> {
                if (payment.refundConfirmed(now)) {
                    ledger.paymentRefunded(payment);
                } else if (payment.status() == Payment.Status.COMPLETED) {
                    adjustments.refunded(provider, payment, event);
                }
                yield Followup.NONE;
            }
            case DISPUTE -> {
                adjustments.disputed(provider, payment, event);
                yield Followup.NONE;
            }
            case FEE_REPORTED -> {
                providerFee(payment, event);
                yield Followup.NONE;
            }
            default -> Followup.NONE;
        };
        if (payment.status() != before) {
            metrics.counter("eventix_payments", new Tag("outcome", payment.status().name())).inc();
        }
        return followup;
    }

    /** The provider took the money: the payment decides whether it stands, and an accepted one fulfils its order. */
    private Followup captured(String provider, Payment payment, WebhookEvent event, Instant now) {
        Payment.Status before = payment.status();
        payment.chargedAs(event.objectId());
        switch (payment.captured(event.amount(), event.currency(), now)) {
            case ALREADY_SETTLED -> {
                return Followup.NONE;
            }
            case OWED_BACK -> {
                ledger.captured(payment);
                providerFee(payment, event);
                LOG.warning("Payment " + payment.id() + " succeeded at the provider but cannot be accepted ("
                        + before + ", " + event.amount() + " " + event.currency() + "); refunding");
                orders.unprotectHolds(payment.orderId());
                audit.success(null, "PAYMENT_REFUND_STARTED", "payment", payment.id(), RequestOrigin.INTERNAL,
                        "money taken on an attempt that had ended or for another amount");
                return Followup.refund(payment);
            }
            default -> {
                ledger.captured(payment);
                providerFee(payment, event);
                audit.success(null, "PAYMENT_COMPLETED", "payment", payment.id(), RequestOrigin.INTERNAL, provider);
                Orders.Fulfilment fulfilment = orders.fulfil(payment.orderId());
                if (!fulfilment.refundsPayment()) {
                    return Followup.NONE;
                }
                payment.startRefund(now);
                audit.success(null, "PAYMENT_REFUND_STARTED", "payment", payment.id(), RequestOrigin.INTERNAL,
                        fulfilment == Orders.Fulfilment.SOLD_OUT
                                ? "paid after its hold expired and the tier sold out"
                                : "paid for an event no longer on sale");
                return Followup.refund(payment);
            }
        }
    }

    /**
     * The provider's fee on the payment: remembered whenever an event says it (a charge may be reported settled
     * before its payment completes here), entered in the ledger once the payment has its money (once per payment).
     */
    private void providerFee(Payment payment, WebhookEvent event) {
        if (event.providerFee() != null) {
            if (!event.currency().equalsIgnoreCase(payment.currency())) {
                LOG.warning("Fee of payment " + payment.id() + " reported in " + event.currency() + ": not entered");
                return;
            }
            payment.feeReported(event.providerFee());
        }
        if (payment.providerFee() != null && payment.isSettled() && payment.paidAt() != null) {
            ledger.providerFee(payment, payment.providerFee());
        }
    }

    /**
     * Claims the refund of a REFUNDING payment not yet accepted by its provider, recording the attempt before the
     * provider is asked. {@code lastTriedBefore} (null for the first attempt) keeps instances that retry at the same
     * time from asking twice: only one finds the payment still due.
     */
    @Transactional
    public boolean claimRefund(UUID paymentId, Instant lastTriedBefore) {
        Payment payment = locked(paymentId);
        if (payment.status() != Payment.Status.REFUNDING || payment.refundReference() != null
                || (lastTriedBefore != null && payment.updatedAt().isAfter(lastTriedBefore))) {
            return false;
        }
        payment.refundAttempted(clock.instant());
        return true;
    }

    /**
     * Claims the payment for one question to its provider (its status, closing its checkout): true for the one
     * caller that may ask now, and nobody asks again for PAYMENT_CHECK_INTERVAL (a checkout paid by a slow method
     * stays open a while). Keeps instances and successive sweeps from asking about one payment over and over.
     */
    @Transactional
    public boolean claimCheck(UUID paymentId) {
        Instant now = clock.instant();
        return em.createNativeQuery("UPDATE payments SET next_check_at = ?3 WHERE id = ?1 "
                        + "AND (next_check_at IS NULL OR next_check_at <= ?2)")
                .setParameter(1, paymentId).setParameter(2, now.atOffset(ZoneOffset.UTC))
                .setParameter(3, now.plus(checkInterval).atOffset(ZoneOffset.UTC)).executeUpdate() == 1;
    }

    @Transactional
    public void refundAccepted(UUID paymentId, String refundReference, boolean completed) {
        Payment payment = locked(paymentId);
        if (payment.status() == Payment.Status.REFUNDING) {
            payment.refundAccepted(refundReference, completed, clock.instant());
            if (payment.status() == Payment.Status.REFUNDED) {
                ledger.paymentRefunded(payment);
            }
        }
    }

    /**
     * Ends a pending order whose holds all ran out: its attempts that never got a checkout fail, so does the one
     * whose checkout the provider has just closed ({@code closedPaymentId}, or null), and the order expires.
     */
    @Transactional
    public void abandoned(UUID orderId, UUID closedPaymentId) {
        failAttemptsNeverCreated(orderId);
        if (closedPaymentId != null) {
            Payment closed = locked(closedPaymentId);
            if (!closed.isFinal()) {
                closed.fail("checkout expired", clock.instant());
            }
        }
        if (orders.expire(orderId)) {
            audit.success(null, "ORDER_EXPIRED", "order", orderId, RequestOrigin.INTERNAL,
                    closedPaymentId == null ? "holds ran out" : "holds ran out; checkout closed");
        }
    }

    public Payment get(UUID paymentId) {
        Payment payment = em.find(Payment.class, paymentId);
        if (payment == null) {
            throw ApiException.notFound("Payment");
        }
        return payment;
    }

    /** The latest payment attempt of the user's order, if any; 404 for an order that is not theirs. */
    public Optional<Payment> latest(UUID userId, UUID orderId) {
        orders.visible(orderId, userId, false);
        return ofOrder(orderId).stream().reduce((first, second) -> second);
    }

    /** The latest attempt of the order the user placed for this hold, if they placed one. */
    public Optional<Payment> latestOfOrderFor(UUID userId, UUID reservationId) {
        return orders.placedFor(userId, reservationId).flatMap(orderId -> ofOrder(orderId).stream()
                .reduce((first, second) -> second));
    }

    /** The latest attempt on the user's order made at or after {@code since}, if any. */
    public Optional<Payment> latestSince(UUID userId, UUID orderId, Instant since) {
        orders.visible(orderId, userId, false);
        return ofOrder(orderId).stream().filter(p -> !p.createdAt().isBefore(since)).reduce((first, second) -> second);
    }

    public List<Payment> ofOrder(UUID orderId) {
        return em.createQuery("SELECT p FROM Payment p WHERE p.orderId = :order ORDER BY p.createdAt, p.id",
                Payment.class).setParameter("order", orderId).getResultList();
    }

    /**
     * Fails the order's attempts left PENDING for longer than a checkout takes to create: the server stopped while
     * asking the provider, and the payer never got a checkout.
     */
    private void failAttemptsNeverCreated(UUID orderId) {
        Instant now = clock.instant();
        for (Payment attempt : ofOrder(orderId)) {
            if (attempt.status() == Payment.Status.PENDING && attempt.createdAt().isBefore(now.minus(CHECKOUT_CREATION))) {
                locked(attempt.id()).fail("checkout never created", now);
            }
        }
    }

    /** The attempts of these orders, oldest first, in one query. */
    public List<Payment> ofOrders(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT p FROM Payment p WHERE p.orderId IN :orders ORDER BY p.createdAt, p.id",
                Payment.class).setParameter("orders", orderIds).getResultList();
    }

    private Payment find(String provider, WebhookEvent event) {
        if (event.paymentId() != null) {
            Payment payment = em.find(Payment.class, event.paymentId());
            return payment != null && payment.provider().equals(provider) ? payment : null;
        }
        // A dispute names the charge (recorded at capture); other events the checkout.
        String column = event.referenceKind() == WebhookEvent.ReferenceKind.PAYMENT_INTENT ? "chargeReference"
                : "transactionId";
        return em.createQuery("SELECT p FROM Payment p WHERE p.provider = :provider AND p." + column + " = :ref",
                        Payment.class)
                .setParameter("provider", provider).setParameter("ref", event.providerReference())
                .getResultStream().findFirst().orElse(null);
    }

    private Payment locked(UUID paymentId) {
        Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
        if (payment == null) {
            throw ApiException.notFound("Payment");
        }
        return payment;
    }
}
