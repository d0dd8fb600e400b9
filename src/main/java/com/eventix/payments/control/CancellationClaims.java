package com.eventix.payments.control;

import com.eventix.booking.control.Orders;
import com.eventix.payments.entity.OrderRefund;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.api.Page;
import com.eventix.platform.persistence.NativeRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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

    /**
     * Notes that claiming the order failed; after MAX_FAILURES it is no longer claimed. Two instances may each have
     * claimed it before the other's failure was noted: a failure beyond the limit is not counted, so an order set
     * aside shows MAX_FAILURES failures, however its last claims interleaved.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void claimFailed(Due due, String error) {
        em.createNativeQuery("UPDATE cancellation_orders SET failures = failures + 1, last_error = ?3 "
                        + "WHERE event_id = ?1 AND order_id = ?2 AND outcome IS NULL AND failures < ?4")
                .setParameter(1, due.eventId()).setParameter(2, due.orderId())
                .setParameter(3, error == null ? "" : error.substring(0, Math.min(error.length(), 2000)))
                .setParameter(4, MAX_FAILURES)
                .executeUpdate();
    }

    /** One paid order of a cancelled event and how far its refund got. */
    @Schema(name = "CancellationOrder")
    public record Entry(@Schema(type = SchemaType.STRING, format = "uuid") UUID eventId,
                        @Schema(type = SchemaType.STRING, format = "uuid") UUID orderId,
                        @Schema(description = "DUE: waiting for a sweep; SET_ASIDE: its claims kept failing, an admin "
                                + "puts it back; REFUNDED: its refund was made (refundId); NOTHING_DUE: nothing was "
                                + "left to refund", enumeration = {"DUE", "SET_ASIDE", "REFUNDED", "NOTHING_DUE"})
                        String state,
                        @Schema(description = "Claims that failed for this order alone") int failures,
                        @Schema(description = "The last failure, as the server logged it") String lastError,
                        @Schema(type = SchemaType.STRING, format = "uuid") UUID refundId,
                        @Schema(type = SchemaType.STRING, format = "date-time",
                                description = "When the event's cancellation recorded the order") Instant since) {
    }

    private static final String ENTRY = "SELECT event_id, order_id, CASE WHEN outcome IS NOT NULL THEN outcome "
            + "WHEN failures >= ?1 THEN 'SET_ASIDE' ELSE 'DUE' END, failures, last_error, refund_id, created_at "
            + "FROM cancellation_orders ";

    /** The orders set aside after MAX_FAILURES failed claims, oldest first. */
    public Page<Entry> setAside(int page, int size) {
        Page.checkRequest(page, size);
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM cancellation_orders WHERE outcome IS NULL "
                + "AND failures >= ?1").setParameter(1, MAX_FAILURES).getSingleResult()).longValue();
        List<?> rows = em.createNativeQuery(ENTRY + "WHERE outcome IS NULL AND failures >= ?1 "
                        + "ORDER BY created_at, event_id, order_id OFFSET ?2 LIMIT ?3")
                .setParameter(1, MAX_FAILURES).setParameter(2, (page - 1) * size).setParameter(3, size)
                .getResultList();
        return new Page<>(rows.stream().map(r -> entry((Object[]) r)).toList(), page, size, total);
    }

    /** The order of the event's cancellation, where its refund stands now (NOT_FOUND if there is none). */
    public Entry entry(Due due) {
        List<?> rows = em.createNativeQuery(ENTRY + "WHERE event_id = ?2 AND order_id = ?3")
                .setParameter(1, MAX_FAILURES).setParameter(2, due.eventId()).setParameter(3, due.orderId())
                .getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("Order of this cancelled event");
        }
        return entry((Object[]) rows.get(0));
    }

    private static Entry entry(Object[] r) {
        return new Entry((UUID) r[0], (UUID) r[1], ((String) r[2]).trim(), ((Number) r[3]).intValue(), (String) r[4],
                (UUID) r[5], NativeRows.instant(r[6]));
    }

    /**
     * Puts a set-aside order back in line with its failures forgotten (NOT_FOUND if the event's cancellation has no
     * such order, INVALID_STATE_TRANSITION if it is not set aside: settled, or still tried by the sweeps).
     */
    @Transactional
    public void putBack(Due due) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT outcome, failures FROM cancellation_orders "
                        + "WHERE event_id = ?1 AND order_id = ?2 FOR UPDATE")
                .setParameter(1, due.eventId()).setParameter(2, due.orderId()).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("Order of this cancelled event");
        }
        Object outcome = rows.get(0)[0];
        if (outcome != null || ((Number) rows.get(0)[1]).intValue() < MAX_FAILURES) {
            String state = outcome != null ? String.valueOf(outcome) : "DUE";
            throw new ApiException(ErrorCode.INVALID_STATE_TRANSITION, "This order is not set aside: it is " + state,
                    Map.of("state", state));
        }
        em.createNativeQuery("UPDATE cancellation_orders SET failures = 0 WHERE event_id = ?1 AND order_id = ?2")
                .setParameter(1, due.eventId()).setParameter(2, due.orderId()).executeUpdate();
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
