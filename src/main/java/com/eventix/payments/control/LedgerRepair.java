package com.eventix.payments.control;

import com.eventix.payments.entity.OrderRefund;
import com.eventix.payments.entity.Payment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Enters in the ledger the payments whose money was taken but that it does not know: those settled before the
 * ledger existed (V16) on an upgraded installation. A payment's ledger entries are otherwise written in the same
 * transaction that settles it, so a settled payment without a capture entry is always such an old one. Each
 * entry's key makes writing it again change nothing, so instances repairing at once do no harm.
 */
@ApplicationScoped
public class LedgerRepair {
    private static final Logger LOG = Logger.getLogger(LedgerRepair.class.getName());
    static final int BATCH = 100;

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Ledger ledger;
    /** Itself through its proxy: each payment is entered in a transaction of its own. */
    @Inject
    LedgerRepair self;

    /** Enters every payment missing from the ledger, a batch per transaction; answers how many it entered. */
    public int repair() {
        int entered = 0;
        List<UUID> missing;
        do {
            missing = missing(BATCH);
            missing.forEach(self::enter);
            entered += missing.size();
        } while (missing.size() == BATCH);
        if (entered > 0) {
            int total = entered;
            LOG.info(() -> "Ledger: entered " + total + " payment(s) settled before it existed");
        }
        return entered;
    }

    @SuppressWarnings("unchecked")
    public List<UUID> missing(int limit) {
        return em.createNativeQuery("SELECT p.id FROM payments p WHERE p.paid_at IS NOT NULL AND p.amount > 0 "
                        + "AND p.status IN ('COMPLETED', 'REFUNDING', 'REFUNDED', 'DISPUTED') AND NOT EXISTS ("
                        + "SELECT 1 FROM ledger_entries l WHERE l.payment_id = p.id AND l.kind = 'CAPTURED') "
                        + "ORDER BY p.paid_at, p.id LIMIT ?1")
                .setParameter(1, limit).getResultList();
    }

    /** The payment's capture, platform fee and refunds, as they would have been written when they happened. */
    @Transactional
    public void enter(UUID paymentId) {
        Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
        ledger.captured(payment);
        if (payment.status() == Payment.Status.REFUNDED) {
            ledger.paymentRefunded(payment);
        }
        em.createQuery("SELECT r FROM OrderRefund r WHERE r.paymentId = :payment AND r.status = :succeeded",
                        OrderRefund.class)
                .setParameter("payment", paymentId).setParameter("succeeded", OrderRefund.Status.SUCCEEDED)
                .getResultList()
                .forEach(r -> ledger.refunded(payment, r.id(), Map.of(r.eventId(), r.amount())));
    }
}
