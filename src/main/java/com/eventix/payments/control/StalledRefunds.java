package com.eventix.payments.control;

import com.eventix.payments.entity.Payment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refunds that never reached their provider (it was down, or the server stopped between recording the refund and
 * asking for it) are asked for again once REFUND_RETRY_AFTER has passed since the last attempt; refunds the
 * provider refused, once their back-off is over (see {@link RefundRecords#failed}). Providers refund
 * once however often they are asked (see {@link com.eventix.payments.control.providers.PaymentProvider#refund}).
 */
@ApplicationScoped
public class StalledRefunds {
    private static final int BATCH = 20;

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Payments payments;
    @Inject
    Refunds refunds;
    @Inject
    @ConfigProperty(name = "REFUND_RETRY_AFTER")
    Duration retryAfter;

    /** Asks again for up to a batch of stalled refunds (of whole payments, and buyers'); answers how many were due. */
    public int retryDue(Instant now) {
        Instant lastTriedBefore = now.minus(retryAfter);
        @SuppressWarnings("unchecked")
        List<Payment> due = em.createNativeQuery("""
                        SELECT * FROM payments WHERE status = 'REFUNDING' AND refund_reference IS NULL
                        AND updated_at <= ?1 ORDER BY updated_at LIMIT ?2""", Payment.class)
                .setParameter(1, lastTriedBefore.atOffset(ZoneOffset.UTC))
                .setParameter(2, BATCH)
                .getResultList();
        due.forEach(payment -> payments.refund(payment, lastTriedBefore));
        return due.size() + refunds.retryUnsent(lastTriedBefore, now, BATCH);
    }
}
