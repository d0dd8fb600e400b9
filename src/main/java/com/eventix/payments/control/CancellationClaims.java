package com.eventix.payments.control;

import com.eventix.booking.control.Orders;
import com.eventix.payments.entity.OrderRefund;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The database side of cancelled events' refunds (V19): which orders are due, and claiming them. A claim locks the
 * order's row with FOR UPDATE SKIP LOCKED, so instances sweeping at once take different orders, and gives the order
 * its refund in the same transaction that records it: a crash before the commit leaves the order due, after it the
 * refund exists and the row says so, so no order is refunded twice.
 */
@ApplicationScoped
public class CancellationClaims {
    /** An order whose claim failed this often on its own is left for an admin (counted as failed). */
    static final int MAX_FAILURES = 3;

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Orders orders;
    @Inject
    RefundRecords records;

    /** An order of a cancelled event still waiting for its refund. */
    public record Due(UUID eventId, UUID orderId) {
    }

    /** Records the run and its paid orders, in the cancelling transaction; a second call adds nothing. */
    @Transactional
    public void start(UUID eventId, String reason) {
        em.createNativeQuery("INSERT INTO cancellation_runs (event_id, reason) VALUES (?1, ?2) "
                + "ON CONFLICT (event_id) DO NOTHING").setParameter(1, eventId)
                .setParameter(2, reason == null ? "" : reason).executeUpdate();
        for (UUID orderId : orders.paidOfEvent(eventId)) {
            em.createNativeQuery("INSERT INTO cancellation_orders (event_id, order_id) VALUES (?1, ?2) "
                    + "ON CONFLICT DO NOTHING").setParameter(1, eventId).setParameter(2, orderId).executeUpdate();
        }
    }

    /** What one claim took: how many orders, and the refunds made for them (to be sent once it committed). */
    public record Batch(int claimed, List<UUID> refunds) {
    }

    /**
     * Claims up to {@code limit} due orders no other transaction holds and refunds each. Any failure rolls the whole
     * batch back (see {@link #claimOne}).
     */
    @Transactional
    public Batch claimBatch(int limit) {
        List<Due> claimed = lockDue(null, limit);
        List<UUID> refunds = new ArrayList<>();
        for (Due due : claimed) {
            refund(due).ifPresent(refunds::add);
        }
        return new Batch(claimed.size(), refunds);
    }

    /** The orders due, oldest run first, without claiming them: for claiming one at a time after a batch failed. */
    public List<Due> due(int limit) {
        return rows(em.createNativeQuery("SELECT event_id, order_id FROM cancellation_orders WHERE outcome IS NULL "
                + "AND failures < ?1 ORDER BY created_at, event_id, order_id LIMIT ?2")
                .setParameter(1, MAX_FAILURES).setParameter(2, limit).getResultList());
    }

    /** Claims this one order if it is still due and free, and refunds it. */
    @Transactional
    public Optional<UUID> claimOne(Due due) {
        return lockDue(due, 1).stream().findFirst().flatMap(this::refund);
    }

    /** Notes that claiming the order failed; after MAX_FAILURES it is no longer claimed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void claimFailed(Due due, String error) {
        em.createNativeQuery("UPDATE cancellation_orders SET failures = failures + 1, last_error = ?3 "
                        + "WHERE event_id = ?1 AND order_id = ?2 AND outcome IS NULL")
                .setParameter(1, due.eventId()).setParameter(2, due.orderId())
                .setParameter(3, error == null ? "" : error.substring(0, Math.min(error.length(), 2000)))
                .executeUpdate();
    }

    private List<Due> lockDue(Due only, int limit) {
        String sql = "SELECT event_id, order_id FROM cancellation_orders WHERE outcome IS NULL AND failures < ?1"
                + (only == null ? "" : " AND event_id = ?3 AND order_id = ?4")
                + " ORDER BY created_at, event_id, order_id LIMIT ?2 FOR UPDATE SKIP LOCKED";
        var query = em.createNativeQuery(sql).setParameter(1, MAX_FAILURES).setParameter(2, limit);
        if (only != null) {
            query.setParameter(3, only.eventId()).setParameter(4, only.orderId());
        }
        return rows(query.getResultList());
    }

    private Optional<UUID> refund(Due due) {
        Optional<OrderRefund> refund = records.refundCancelled(due.orderId(), due.eventId());
        var update = refund.isPresent()
                ? em.createNativeQuery("UPDATE cancellation_orders SET outcome = 'REFUNDED', refund_id = ?3 "
                        + "WHERE event_id = ?1 AND order_id = ?2").setParameter(3, refund.get().id())
                : em.createNativeQuery("UPDATE cancellation_orders SET outcome = 'NOTHING_DUE' "
                        + "WHERE event_id = ?1 AND order_id = ?2");
        update.setParameter(1, due.eventId()).setParameter(2, due.orderId()).executeUpdate();
        return refund.map(OrderRefund::id);
    }

    @SuppressWarnings("unchecked")
    private static List<Due> rows(List<?> result) {
        return ((List<Object[]>) result).stream().map(row -> new Due((UUID) row[0], (UUID) row[1])).toList();
    }
}
