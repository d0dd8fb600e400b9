package com.eventix.payments.control;

import com.eventix.booking.control.Orders;
import com.eventix.payments.control.providers.PaymentProvider;
import com.eventix.payments.control.providers.PaymentProviders;
import com.eventix.payments.entity.Payment;
import com.eventix.platform.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Pending orders whose holds have all run out: the open checkout is closed at the provider, so the payer can no
 * longer pay for tickets that are back on sale (a provider's checkout may outlive a hold: Stripe's last at least
 * 30 minutes), and the order expires. A provider that cannot close checkouts (Paystack) may still take a late
 * payment; it is then honoured while stock remains, or refunded.
 */
@ApplicationScoped
public class AbandonedCheckouts {
    private static final Logger LOG = Logger.getLogger(AbandonedCheckouts.class.getName());
    private static final int BATCH = 50;
    /** Pending orders without holds looked at per sweep, of which those not waiting on their provider are closed. */
    private static final int CANDIDATES = 4 * BATCH;

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    PaymentRecords records;
    @Inject
    Orders orders;
    @Inject
    PaymentProviders providers;
    @Inject
    Payments payments;
    @Inject
    Clock clock;

    /** Closes up to a batch of abandoned orders; answers how many ended. */
    public int closeDue(Instant now) {
        List<UUID> candidates = orders.pendingWithoutActiveHolds(CANDIDATES);
        // Orders whose payment attempt may still be getting its checkout, or whose provider was asked recently,
        // wait for a later sweep.
        @SuppressWarnings("unchecked")
        List<UUID> busy = candidates.isEmpty() ? List.of() : em.createNativeQuery("""
                        SELECT DISTINCT p.order_id FROM payments p WHERE p.order_id = ANY (CAST(?1 AS uuid[]))
                        AND ((p.status = 'PENDING' AND p.created_at > ?2) OR p.next_check_at > ?3)""")
                .setParameter(1, candidates.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .setParameter(2, now.minus(PaymentRecords.CHECKOUT_CREATION).atOffset(ZoneOffset.UTC))
                .setParameter(3, now.atOffset(ZoneOffset.UTC))
                .getResultList();
        List<UUID> due = candidates.stream().filter(id -> !busy.contains(id)).limit(BATCH).toList();
        SweepBudget budget = SweepBudget.start(clock);
        int ended = 0;
        for (UUID orderId : due) {
            if (budget.spent()) {
                break;
            }
            try {
                if (close(orderId)) {
                    ended++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not close the checkout of order " + orderId + "; the next sweep retries", e);
            }
        }
        return ended;
    }

    private boolean close(UUID orderId) {
        Optional<Payment> open = records.ofOrder(orderId).stream()
                .filter(p -> p.status() == Payment.Status.AUTHORIZED || p.status() == Payment.Status.PROCESSING)
                .reduce((first, second) -> second);
        if (open.isEmpty()) {
            records.abandoned(orderId, null);
            return true;
        }
        Payment payment = open.get();
        if (!records.claimCheck(payment.id())) {
            return false;
        }
        PaymentProvider provider = providers.byName(payment.provider());
        PaymentProvider.Closure closure;
        try {
            closure = provider.closeCheckout(payment.transactionId());
        } catch (ApiException refused) {
            // Most likely paid (or failed) meanwhile: the provider's answer settles it as its webhook would.
            if (payments.settleFromStatus(payment)) {
                return true;
            }
            LOG.warning("Checkout of payment " + payment.id() + " could not be closed (" + refused.getMessage()
                    + "); the next sweep retries");
            return false;
        }
        records.abandoned(orderId, closure == PaymentProvider.Closure.CLOSED ? payment.id() : null);
        return true;
    }
}
