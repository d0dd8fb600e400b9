package com.eventix.payments.control;

import com.eventix.payments.entity.Payment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Before holds run out, payments still in flight for them are checked with their provider: a payment that
 * succeeded (its webhook late or lost) completes now, one that failed ends its order; one still pending keeps
 * its holds a while longer (see {@link com.eventix.booking.control.HoldExpiry}). A hold paid at the last second
 * is therefore never released.
 */
@ApplicationScoped
public class InFlightPayments {
    private static final Logger LOG = Logger.getLogger(InFlightPayments.class.getName());
    private static final int BATCH = 50;

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Payments payments;
    @Inject
    PaymentRecords records;
    @Inject
    Clock clock;

    /**
     * Asks the providers about in-flight payments whose holds are due, each at most once per
     * PAYMENT_CHECK_INTERVAL across instances, within the {@link SweepBudget}; answers how many were settled.
     */
    public int settleDue(Instant now) {
        @SuppressWarnings("unchecked")
        List<Payment> due = em.createNativeQuery("""
                        SELECT p.* FROM payments p
                        WHERE p.status IN ('AUTHORIZED', 'PROCESSING')
                        AND (p.next_check_at IS NULL OR p.next_check_at <= ?1)
                        AND EXISTS (SELECT 1 FROM order_items i JOIN reservations r ON r.id = i.reservation_id
                                    WHERE i.order_id = p.order_id AND r.status = 'ACTIVE' AND r.expires_at <= ?1)
                        ORDER BY p.created_at LIMIT ?2""", Payment.class)
                .setParameter(1, now.atOffset(ZoneOffset.UTC)).setParameter(2, BATCH).getResultList();
        SweepBudget budget = SweepBudget.start(clock);
        int settled = 0;
        for (Payment payment : due) {
            if (budget.spent()) {
                break;
            }
            if (!records.claimCheck(payment.id())) {
                continue;
            }
            try {
                if (payments.settleFromStatus(payment)) {
                    settled++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not check payment " + payment.id() + " with its provider", e);
            }
        }
        return settled;
    }
}
