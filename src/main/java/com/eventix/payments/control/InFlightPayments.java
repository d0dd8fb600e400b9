package com.eventix.payments.control;

import com.eventix.booking.control.Orders;
import com.eventix.payments.entity.Payment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Payments still in flight are checked with their provider every PAYMENT_CHECK_INTERVAL, whatever their holds: a
 * payment that succeeded (its webhook late or lost) completes within about that interval, one that failed ends its
 * order. Payments whose holds are due are asked first; one still pending keeps its holds PAYMENT_GRACE longer (see
 * {@link Orders#protectHolds}), so a hold paid at the last second is never released.
 */
@ApplicationScoped
public class InFlightPayments {
    private static final Logger LOG = Logger.getLogger(InFlightPayments.class.getName());
    private static final int BATCH = 50;
    /** In-flight payments looked at per sweep, of which those whose orders still hold tickets are asked about. */
    private static final int CANDIDATES = 4 * BATCH;

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Payments payments;
    @Inject
    PaymentRecords records;
    @Inject
    Orders orders;
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
        List<Payment> candidates = em.createNativeQuery("""
                        SELECT p.* FROM payments p
                        WHERE p.status IN ('AUTHORIZED', 'PROCESSING')
                        AND COALESCE(p.next_check_at, p.updated_at + make_interval(secs => ?3)) <= ?1
                        ORDER BY COALESCE(p.next_check_at, p.updated_at)
                        LIMIT ?2""", Payment.class)
                .setParameter(1, now.atOffset(ZoneOffset.UTC)).setParameter(2, CANDIDATES)
                .setParameter(3, checkInterval.toMillis() / 1000.0).getResultList();
        Map<UUID, Instant> holdsExpire = orders.activeHoldExpiries(candidates.stream().map(Payment::orderId).toList());
        // Those whose holds are due first (the sort is stable, keeping the longest unchecked first within each).
        List<Payment> due = candidates.stream().filter(p -> holdsExpire.containsKey(p.orderId()))
                .sorted(Comparator.comparing(p -> holdsExpire.get(p.orderId()).isAfter(now)))
                .limit(BATCH).toList();
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
