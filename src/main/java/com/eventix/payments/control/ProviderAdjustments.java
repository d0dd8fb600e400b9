package com.eventix.payments.control;

import com.eventix.booking.entity.Order;
import com.eventix.events.entity.Event;
import com.eventix.identity.control.Users;
import com.eventix.notifications.control.Notifications;
import com.eventix.organizers.control.Organizers;
import com.eventix.organizers.entity.Organizer;
import com.eventix.payments.control.providers.WebhookEvent;
import com.eventix.payments.entity.Payment;
import com.eventix.payments.entity.PaymentDispute;
import com.eventix.platform.audit.AuditLog;
import com.eventix.platform.audit.RequestOrigin;
import com.eventix.tickets.control.Tickets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Money that moved at the provider without Eventix asking: refunds made in the provider's dashboard and
 * chargebacks. Each runs inside {@link PaymentRecords#apply}'s transaction, with the payment locked and the webhook
 * recorded, so a redelivered event changes nothing. Every move is in the ledger; the organizer is told, and so is
 * the buyer when their tickets are voided.
 * <p>
 * Tickets are voided only once the payer has all of the money back (refunds of every kind and lost chargebacks):
 * a partial dashboard refund names no tickets, and an open chargeback may still be won.
 */
@ApplicationScoped
public class ProviderAdjustments {
    private static final Logger LOG = Logger.getLogger(ProviderAdjustments.class.getName());

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Ledger ledger;
    @Inject
    Tickets tickets;
    @Inject
    Organizers organizers;
    @Inject
    Users users;
    @Inject
    Notifications notifications;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    /**
     * The provider reports a refund on a COMPLETED payment. {@code REFUNDED_TOTAL} gives everything refunded on the
     * charge so far: what exceeds Eventix's own refunds and the outside ones already recorded is new. A single
     * {@code REFUND_SUCCEEDED} is Eventix's own when it carries the id of one of its refunds, or matches one still
     * waiting for the provider's answer; otherwise it is new.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refunded(String provider, Payment payment, WebhookEvent event) {
        BigDecimal outside = outsideRefunded(payment.id());
        BigDecimal fresh;
        if (event.type() == WebhookEvent.Type.REFUNDED_TOTAL) {
            fresh = event.amount().subtract(ownRefunded(payment.id())).subtract(outside);
        } else {
            fresh = isOwnRefund(payment.id(), event) ? BigDecimal.ZERO : event.amount();
        }
        fresh = fresh.min(payment.amount().subtract(ownRefunded(payment.id())).subtract(outside));
        if (fresh.signum() <= 0) {
            return;
        }
        // A running total names no refund: its event is the refund's identity. A single refund is named by its id.
        boolean named = event.type() == WebhookEvent.Type.REFUND_SUCCEEDED && event.objectId() != null;
        String key = named ? provider + ":" + event.objectId() : provider + ":" + event.providerEventId();
        String refundId = named ? event.objectId() : null;
        Map<UUID, BigDecimal> shares = ledger.shares(payment, fresh);
        shares.forEach((eventId, amount) -> em.createNativeQuery("INSERT INTO provider_refunds (id, refund_key, "
                        + "payment_id, order_id, event_id, provider_refund_id, amount, currency) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (refund_key, event_id) DO NOTHING")
                .setParameter(1, UUID.randomUUID()).setParameter(2, key).setParameter(3, payment.id())
                .setParameter(4, payment.orderId()).setParameter(5, eventId).setParameter(6, refundId)
                .setParameter(7, amount).setParameter(8, payment.currency()).executeUpdate());
        ledger.refundedAtProvider(payment, key, shares);
        audit.success(null, "PAYMENT_REFUNDED_AT_PROVIDER", "payment", payment.id(), RequestOrigin.INTERNAL,
                fresh.toPlainString() + " " + payment.currency() + " at " + provider);
        boolean whole = moneyBack(payment).compareTo(payment.amount()) >= 0;
        Order order = lockedOrder(payment.orderId());
        order.moneyReturnedOutside(whole, clock.instant());
        int voided = whole ? tickets.moneyTakenBack(order.id()) : 0;
        String what = fresh.toPlainString() + " " + payment.currency() + " of order " + order.id()
                + " was refunded to the buyer in " + provider + "'s dashboard, outside Eventix.";
        tellOrganizers(order, "A refund was made outside Eventix", what + (whole
                ? " The order is refunded in full: its " + voided + " valid ticket(s) are void and refused at the door."
                : " Its tickets remain valid; the buyer has part of the money back."));
        if (voided > 0) {
            tellBuyer(order, "Your tickets for order " + order.id() + " are void", "The payment for order "
                    + order.id() + " was refunded to you in full, so its tickets are no longer valid.");
        }
    }

    /**
     * A chargeback or an inquiry. Its money leaves the balance once when it is taken (the payment is DISPUTED) and
     * comes back once if the dispute is won (COMPLETED again); a lost one voids the order's tickets.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void disputed(String provider, Payment payment, WebhookEvent event) {
        WebhookEvent.Dispute told = event.dispute();
        Instant now = clock.instant();
        em.createNativeQuery("INSERT INTO payment_disputes (id, provider, provider_dispute_id, payment_id, amount, "
                        + "currency, status, reason, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'INQUIRY', "
                        + "?7, ?8, ?8) ON CONFLICT (provider, provider_dispute_id) DO NOTHING")
                .setParameter(1, UUID.randomUUID()).setParameter(2, provider).setParameter(3, event.objectId())
                .setParameter(4, payment.id()).setParameter(5, event.amount().min(payment.amount()))
                .setParameter(6, payment.currency()).setParameter(7, told.reason())
                .setParameter(8, now.atOffset(java.time.ZoneOffset.UTC)).executeUpdate();
        PaymentDispute dispute = em.createQuery("SELECT d FROM PaymentDispute d WHERE d.provider = :provider "
                        + "AND d.providerDisputeId = :id", PaymentDispute.class)
                .setParameter("provider", provider).setParameter("id", event.objectId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
        PaymentDispute.Status before = dispute.status();
        PaymentDispute.Move move = dispute.told(PaymentDispute.Status.valueOf(told.status().name()),
                told.fundsMove() == WebhookEvent.Dispute.FundsMove.WITHDRAWN,
                told.fundsMove() == WebhookEvent.Dispute.FundsMove.REINSTATED, now);
        Order order = lockedOrder(payment.orderId());
        String amount = dispute.amount().toPlainString() + " " + dispute.currency();
        switch (move) {
            case WITHDRAWN -> {
                ledger.disputeWithdrawn(payment, dispute.id(), ledger.shares(payment, dispute.amount()));
                if (payment.status() == Payment.Status.COMPLETED) {
                    payment.disputed(now);
                }
                audit.success(null, "PAYMENT_DISPUTED", "payment", payment.id(), RequestOrigin.INTERNAL,
                        amount + (dispute.reason() == null ? "" : ", " + dispute.reason()));
                tellOrganizers(order, "A payment is disputed", "The buyer's bank took " + amount + " of order "
                        + order.id() + " back (a chargeback" + (dispute.reason() == null ? ""
                        : ", reason: " + dispute.reason()) + ") until the dispute is decided. The tickets remain "
                        + "valid until then; they are voided if the dispute is lost.");
            }
            case REINSTATED -> {
                ledger.disputeReinstated(payment, dispute.id(), ledger.shares(payment, dispute.amount()));
                if (payment.status() == Payment.Status.DISPUTED) {
                    payment.disputeWon(now);
                }
                audit.success(null, "PAYMENT_DISPUTE_WON", "payment", payment.id(), RequestOrigin.INTERNAL, amount);
                tellOrganizers(order, "A dispute was won", "The dispute over order " + order.id() + " was decided "
                        + "for you: " + amount + " is back in the event's balance.");
            }
            default -> LOG.fine(() -> "Dispute " + event.objectId() + " is " + dispute.status() + ": no money moved");
        }
        if (dispute.status() == PaymentDispute.Status.LOST && before != PaymentDispute.Status.LOST) {
            audit.success(null, "PAYMENT_DISPUTE_LOST", "payment", payment.id(), RequestOrigin.INTERNAL, amount);
            boolean whole = moneyBack(payment).compareTo(payment.amount()) >= 0;
            order.moneyReturnedOutside(whole, now);
            int voided = whole ? tickets.moneyTakenBack(order.id()) : 0;
            tellOrganizers(order, "A dispute was lost", "The dispute over order " + order.id() + " was decided for "
                    + "the buyer: " + amount + " stays with them" + (voided > 0
                    ? "; the order's " + voided + " valid ticket(s) are void and refused at the door." : "."));
            if (voided > 0) {
                tellBuyer(order, "Your tickets for order " + order.id() + " are void", "The payment for order "
                        + order.id() + " was reversed through your bank, so its tickets are no longer valid.");
            }
        }
    }

    /** What the payer has back: Eventix's refunds, the provider's, and chargebacks lost. */
    private BigDecimal moneyBack(Payment payment) {
        BigDecimal lost = (BigDecimal) em.createNativeQuery("SELECT COALESCE(SUM(amount), 0) FROM payment_disputes "
                + "WHERE payment_id = ?1 AND status = 'LOST'").setParameter(1, payment.id()).getSingleResult();
        return ownRefunded(payment.id()).add(outsideRefunded(payment.id())).add(lost);
    }

    /** Eventix's refunds of the payment the provider has done or is doing. */
    private BigDecimal ownRefunded(UUID paymentId) {
        return (BigDecimal) em.createNativeQuery("SELECT COALESCE(SUM(amount), 0) FROM refunds WHERE payment_id = ?1 "
                + "AND status IN ('PROCESSING', 'SUCCEEDED')").setParameter(1, paymentId).getSingleResult();
    }

    private BigDecimal outsideRefunded(UUID paymentId) {
        return (BigDecimal) em.createNativeQuery("SELECT COALESCE(SUM(amount), 0) FROM provider_refunds "
                + "WHERE payment_id = ?1").setParameter(1, paymentId).getSingleResult();
    }

    /** One of Eventix's refunds: by the provider's id, or one of that amount still waiting for its answer. */
    private boolean isOwnRefund(UUID paymentId, WebhookEvent event) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM refunds WHERE payment_id = ?1 AND ("
                        + "provider_refund_id = ?2 OR (status = 'PROCESSING' AND provider_refund_id IS NULL "
                        + "AND amount = ?3))")
                .setParameter(1, paymentId).setParameter(2, event.objectId() == null ? "" : event.objectId())
                .setParameter(3, event.amount()).getSingleResult()).longValue() > 0;
    }

    private void tellOrganizers(Order order, String subject, String text) {
        ledger.eventsOf(order.id()).forEach(eventId -> {
            Organizer organizer = organizers.get(em.find(Event.class, eventId).organizerId());
            notifications.email(organizer.userId(), organizer.contactEmail(), "PAYMENT_ADJUSTED", subject, text + "\n");
        });
    }

    private void tellBuyer(Order order, String subject, String text) {
        notifications.email(order.userId(), users.get(order.userId()).email(), "TICKETS_VOIDED", subject, text + "\n");
    }

    private Order lockedOrder(UUID orderId) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(order);
        return order;
    }
}
