package com.eventix.payments.control;

import static com.eventix.platform.persistence.NativeRows.instant;

import com.eventix.events.control.EventCancelled;
import com.eventix.events.entity.Event;
import com.eventix.organizers.control.Organizers;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.audit.AuditLog;
import com.eventix.platform.audit.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A cancelled event refunds every paid order, as a job kept in the database ({@link CancellationClaims}): the
 * cancelling transaction records it, and each hold sweep on every instance claims due orders in batches, refunds
 * each in full (its tickets CANCELLED, its buyer emailed) and then asks the provider outside any transaction, as a
 * buyer's refund is asked. A refund recorded but never sent (the server died) is sent again by {@link StalledRefunds}
 * after REFUND_RETRY_AFTER; one the provider refuses is asked again with back-off, then left FAILED for an admin.
 */
@ApplicationScoped
public class CancellationRefunds {
    private static final Logger LOG = Logger.getLogger(CancellationRefunds.class.getName());
    private static final int BATCH = 10;
    /** Batches per sweep at most, so one sweep never holds its timer long; the next sweep goes on. */
    private static final int MAX_BATCHES = 20;

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    CancellationClaims claims;
    @Inject
    Refunds refunds;
    @Inject
    Organizers organizers;
    @Inject
    AuditLog audit;

    /** The refunds of a cancelled event so far, as its organizer and admins read them. */
    @Schema(name = "CancellationRefunds")
    public record Progress(@Schema(type = SchemaType.STRING, format = "uuid") UUID eventId,
                           @Schema(description = "Paid orders of the event when it was cancelled") long orders,
                           @Schema(description = "Orders whose refund went through") long refunded,
                           @Schema(description = "Orders whose refund is still to be made or on its way") long pending,
                           @Schema(description = "Orders whose refund failed; an admin retries them") long failed,
                           @Schema(description = "Orders with nothing left to refund (refunded whole before)")
                           long nothingDue,
                           @Schema(description = "What went back so far") BigDecimal refundedAmount,
                           String currency,
                           @Schema(type = SchemaType.STRING, format = "date-time") Instant startedAt,
                           @Schema(type = SchemaType.STRING, format = "date-time",
                                   description = "When the last order was settled; absent while some are pending")
                           Instant finishedAt) {
    }

    /** In the cancelling transaction: the run and its orders are recorded with the cancellation, or not at all. */
    void onCancelled(@Observes EventCancelled cancelled) {
        claims.start(cancelled.eventId(), cancelled.reason());
    }

    /** One sweep's share of the work: claims and refunds due orders batch by batch, then sends the refunds. */
    public void work() {
        for (int round = 0; round < MAX_BATCHES; round++) {
            CancellationClaims.Batch batch;
            try {
                batch = claims.claimBatch(BATCH);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A batch of cancelled events' orders could not be refunded; trying them one by one", e);
                oneByOne();
                return;
            }
            batch.refunds().forEach(this::send);
            if (batch.claimed() < BATCH) {
                return;
            }
        }
    }

    /** After a failed batch: each order on its own, so one that keeps failing holds no other back. */
    private void oneByOne() {
        for (CancellationClaims.Due due : claims.due(BATCH)) {
            try {
                claims.claimOne(due).ifPresent(this::send);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Order " + due.orderId() + " of cancelled event " + due.eventId()
                        + " could not be refunded", e);
                claims.claimFailed(due, failure(e));
            }
        }
    }

    /**
     * An admin puts an order set aside after failed claims back in line and has it claimed at once; if that fails
     * again the sweeps go on trying it (up to {@link CancellationClaims#MAX_FAILURES} times). Answers where it stands
     * then.
     */
    public CancellationClaims.Entry putBack(UUID adminId, CancellationClaims.Due due, RequestOrigin origin) {
        claims.putBack(due);
        audit.success(adminId, "CANCELLATION_ORDER_RETRIED", "order", due.orderId(), origin,
                "event " + due.eventId());
        try {
            claims.claimOne(due).ifPresent(this::send);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Order " + due.orderId() + " of cancelled event " + due.eventId()
                    + " could not be refunded again", e);
            claims.claimFailed(due, failure(e));
        }
        return claims.entry(due);
    }

    /** What an admin needs of a failed claim: the outermost exception and the root cause, which says why. */
    private static String failure(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e) : e.getClass().getName() + " caused by " + root;
    }

    private void send(UUID refundId) {
        try {
            refunds.send(refundId, null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Refund " + refundId + " was recorded but not sent; it is sent again later", e);
        }
    }

    /**
     * The progress of the event's refunds, for its organizer and admins: 404 for anyone else, and for an event that
     * was not cancelled.
     */
    public Progress progress(UUID eventId, UUID userId, boolean admin) {
        Event event = em.find(Event.class, eventId);
        boolean owner = event != null && organizers.ofUser(userId).map(o -> o.id().equals(event.organizerId()))
                .orElse(false);
        if (event == null || !(admin || owner)) {
            throw ApiException.notFound("Event");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT run.started_at, count(c.order_id),
                               count(*) FILTER (WHERE r.status = 'SUCCEEDED'),
                               count(*) FILTER (WHERE r.status = 'FAILED' OR (c.outcome IS NULL AND c.failures >= ?2)),
                               count(*) FILTER (WHERE c.outcome = 'NOTHING_DUE'),
                               COALESCE(sum(r.amount) FILTER (WHERE r.status = 'SUCCEEDED'), 0),
                               greatest(max(r.updated_at), max(c.created_at))
                        FROM cancellation_runs run
                        LEFT JOIN cancellation_orders c ON c.event_id = run.event_id
                        LEFT JOIN refunds r ON r.id = c.refund_id
                        WHERE run.event_id = ?1 GROUP BY run.started_at""")
                .setParameter(1, eventId).setParameter(2, CancellationClaims.MAX_FAILURES).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("Cancellation of this event");
        }
        Object[] row = rows.get(0);
        long orders = number(row[1]);
        long refunded = number(row[2]);
        long failed = number(row[3]);
        long nothingDue = number(row[4]);
        long pending = orders - refunded - failed - nothingDue;
        Instant startedAt = instant(row[0]);
        return new Progress(eventId, orders, refunded, pending, failed, nothingDue, (BigDecimal) row[5],
                event.currency(), startedAt, pending > 0 ? null : row[6] == null ? startedAt : instant(row[6]));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

}
