package com.eventix.payments.control;

import com.eventix.payments.entity.Payment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

    /** Asks the providers about in-flight payments whose holds are due; answers how many were settled. */
    public int settleDue(Instant now) {
        @SuppressWarnings("unchecked")
        List<Payment> due = em.createNativeQuery("""
                        SELECT DISTINCT p.* FROM payments p
                        JOIN order_items i ON i.order_id = p.order_id
                        JOIN reservations r ON r.id = i.reservation_id
                        WHERE p.status IN ('AUTHORIZED', 'PROCESSING') AND r.status = 'ACTIVE' AND r.expires_at <= ?1
                        LIMIT ?2""", Payment.class)
                .setParameter(1, now.atOffset(ZoneOffset.UTC)).setParameter(2, BATCH).getResultList();
        int settled = 0;
        for (Payment payment : due) {
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
