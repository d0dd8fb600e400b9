package com.eventix.payments.control;

import static com.eventix.platform.persistence.NativeRows.instant;
import static com.eventix.platform.persistence.NativeRows.number;
import static com.eventix.platform.persistence.NativeRows.uuid;

import com.eventix.booking.entity.Order;
import com.eventix.events.control.Events;
import com.eventix.platform.api.Csv;
import com.eventix.platform.api.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An organizer's view of the orders for their event: who bought, what their order and its payment stand at, and how
 * many tickets and how much of the order are this event's (an order may hold other events' tickets too).
 */
@ApplicationScoped
public class EventOrders {
    /** The most orders one CSV export holds: past it, narrow the export by status. */
    public static final int EXPORT_LIMIT = 100_000;

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Events events;

    /** One order as its event's organizer sees it. */
    @Schema(name = "EventOrder")
    public record View(@Schema(type = SchemaType.STRING, format = "uuid") UUID orderId,
                       @Schema(example = "Ama Mensah") String buyerName,
                       @Schema(example = "ama@example.com") String buyerEmail,
                       Order.Status status,
                       @Schema(description = "Its latest payment's status", example = "COMPLETED") String paymentStatus,
                       @Schema(example = "stripe") String provider,
                       @Schema(description = "Tickets of this event in the order") long tickets,
                       @Schema(description = "What the order's lines of this event cost", example = "51.00")
                       BigDecimal amount,
                       @Schema(example = "USD") String currency,
                       @Schema(type = SchemaType.STRING, format = "date-time") Instant createdAt,
                       @Schema(type = SchemaType.STRING, format = "date-time") Instant paidAt) {
    }

    private static final String FROM = " FROM orders o JOIN order_items i ON i.order_id = o.id AND i.event_id = ?1 "
            + "JOIN users u ON u.id = o.user_id ";
    /** Every status when ?2 is empty. */
    private static final String WHERE = "WHERE (?2 = '' OR o.status = ?2) ";

    /** A page of the event's orders, newest first, optionally in one status (404/403 for another's event). */
    public Page<View> page(Events.Actor actor, UUID eventId, Order.Status status, int page, int size) {
        Page.checkRequest(page, size);
        events.owned(actor, eventId);
        Query count = em.createNativeQuery("SELECT count(DISTINCT o.id)" + FROM + WHERE).setParameter(1, eventId)
                .setParameter(2, status == null ? "" : status.name());
        Query rows = select(eventId, status).setParameter(3, (page - 1) * size).setParameter(4, size);
        return new Page<>(views(rows), page, size, number(count.getSingleResult()));
    }

    /** All of them, for an export (at most EXPORT_LIMIT). */
    public List<View> all(Events.Actor actor, UUID eventId, Order.Status status) {
        events.owned(actor, eventId);
        return views(select(eventId, status).setParameter(3, 0).setParameter(4, EXPORT_LIMIT));
    }

    private Query select(UUID eventId, Order.Status status) {
        return em.createNativeQuery("SELECT o.id, u.first_name, u.last_name, u.email, o.status, p.status, "
                + "p.payment_provider, sum(i.quantity), sum(i.quantity * i.unit_price), o.currency, o.created_at, "
                + "p.paid_at" + FROM + "LEFT JOIN LATERAL (SELECT status, payment_provider, paid_at FROM payments "
                + "WHERE order_id = o.id ORDER BY created_at DESC LIMIT 1) p ON true " + WHERE
                + "GROUP BY o.id, u.first_name, u.last_name, u.email, p.status, p.payment_provider, p.paid_at "
                + "ORDER BY o.created_at DESC, o.id OFFSET ?3 LIMIT ?4").setParameter(1, eventId)
                .setParameter(2, status == null ? "" : status.name());
    }

    @SuppressWarnings("unchecked")
    private static List<View> views(Query query) {
        return ((List<Object[]>) query.getResultList()).stream()
                .map(r -> new View(uuid(r[0]), (r[1] + " " + r[2]).trim(), (String) r[3],
                        Order.Status.valueOf(((String) r[4]).trim()), (String) r[5], (String) r[6], number(r[7]),
                        (BigDecimal) r[8], ((String) r[9]).trim(), instant(r[10]), instant(r[11])))
                .toList();
    }

    /** The orders as CSV (RFC 4180), with a header line. */
    public static String csv(List<View> orders) {
        StringBuilder out = new StringBuilder(
                "orderId,buyerName,buyerEmail,status,paymentStatus,provider,tickets,amount,currency,createdAt,paidAt\r\n");
        for (View o : orders) {
            out.append(o.orderId()).append(',').append(Csv.cell(o.buyerName())).append(',')
                    .append(Csv.cell(o.buyerEmail())).append(',').append(o.status()).append(',')
                    .append(o.paymentStatus() == null ? "" : o.paymentStatus()).append(',')
                    .append(o.provider() == null ? "" : Csv.cell(o.provider())).append(',').append(o.tickets())
                    .append(',').append(o.amount().toPlainString()).append(',').append(o.currency()).append(',')
                    .append(o.createdAt()).append(',').append(o.paidAt() == null ? "" : o.paidAt().toString())
                    .append("\r\n");
        }
        return out.toString();
    }
}
