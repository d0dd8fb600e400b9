package com.eventix.payments.control;

import com.eventix.payments.entity.Payment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Payments still in flight are checked with their provider every PAYMENT_CHECK_INTERVAL, whatever their holds: a
 * payment that succeeded (its webhook late or lost) completes within about that interval, one that failed ends its
 * order. Payments whose holds are due are asked first; one still pending keeps its holds a while longer (see
 * {@link com.eventix.booking.control.HoldExpiry}), so a hold paid at the last second is never released.
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
    @Inject
    @ConfigProperty(name = "PAYMENT_CHECK_INTERVAL")
    Duration checkInterval;

    /**
     * Asks the providers about in-flight payments authorized at least PAYMENT_CHECK_INTERVAL ago, each at most
     * once per interval across instances, within the {@link SweepBudget}; answers how many were settled. A
     * webhook normally arrives within seconds, so a payment is not asked about before its first interval. Orders
     * left without active holds are not asked about here: {@link AbandonedCheckouts} closes or settles them.
     */
    public int settleDue(Instant now) {
        @SuppressWarnings("unchecked")
        List<Payment> due = em.createNativeQuery("""
                        SELECT p.* FROM payments p
                        WHERE p.status IN ('AUTHORIZED', 'PROCESSING')
                        AND COALESCE(p.next_check_at, p.updated_at + make_interval(secs => ?3)) <= ?1
                        AND EXISTS (SELECT 1 FROM order_items i JOIN reservations r ON r.id = i.reservation_id
                                    WHERE i.order_id = p.order_id AND r.status = 'ACTIVE')
                        ORDER BY EXISTS (SELECT 1 FROM order_items i JOIN reservations r ON r.id = i.reservation_id
                                         WHERE i.order_id = p.order_id AND r.status = 'ACTIVE' AND r.expires_at <= ?1) DESC,
                                 COALESCE(p.next_check_at, p.updated_at)
                        LIMIT ?2""", Payment.class)
                .setParameter(1, now.atOffset(ZoneOffset.UTC)).setParameter(2, BATCH)
                .setParameter(3, checkInterval.toMillis() / 1000.0).getResultList();
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
