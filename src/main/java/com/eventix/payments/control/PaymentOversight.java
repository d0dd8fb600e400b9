package com.eventix.payments.control;

import com.eventix.booking.entity.Order;
import com.eventix.payments.entity.Payment;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.api.Page;
import com.eventix.platform.api.TimeRange;
import com.eventix.platform.audit.AuditLog;
import com.eventix.platform.audit.RequestOrigin;
import com.eventix.platform.persistence.Conditions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Payments as admins oversee them: found by status, provider, event, organizer and time, the stuck ones (in flight
 * or being refunded for longer than they should), and a retry that asks the provider where a stuck one stands.
 */
@ApplicationScoped
public class PaymentOversight {
    /** Longest stuck threshold asked for: a week. */
    public static final int MAX_MINUTES = 7 * 24 * 60;
    private static final List<Payment.Status> STUCK = List.of(Payment.Status.AUTHORIZED, Payment.Status.PROCESSING,
            Payment.Status.REFUNDING);

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Payments payments;
    @Inject
    PaymentRecords records;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    /** A payment as admins read it, with its order's buyer. */
    @Schema(name = "AdminPayment")
    public record View(@Schema(type = SchemaType.STRING, format = "uuid") UUID id,
                       @Schema(type = SchemaType.STRING, format = "uuid") UUID orderId,
                       @Schema(type = SchemaType.STRING, format = "uuid", description = "The order's buyer") UUID buyerId,
                       @Schema(example = "stripe") String provider,
                       @Schema(example = "51.00") BigDecimal amount,
                       @Schema(example = "USD") String currency,
                       Payment.Status status,
                       @Schema(description = "The provider's reference of its checkout") String transactionId,
                       String failureReason,
                       @Schema(type = SchemaType.STRING, format = "date-time") Instant createdAt,
                       @Schema(type = SchemaType.STRING, format = "date-time") Instant updatedAt,
                       @Schema(type = SchemaType.STRING, format = "date-time") Instant paidAt) {
        static View of(Payment p, UUID buyerId) {
            return new View(p.id(), p.orderId(), buyerId, p.provider(), p.amount(), p.currency(), p.status(),
                    p.transactionId(), p.failureReason(), p.createdAt(), p.updatedAt(), p.paidAt());
        }
    }

    /** What to look for; every part optional. Times bound when the payment was created. */
    public record Filter(Payment.Status status, String provider, UUID eventId, UUID organizerId, Instant from,
                         Instant to) {
        /** From request parameters, every bad value named in one VALIDATION_FAILED answer. */
        public static Filter of(Payment.Status status, String provider, UUID eventId, UUID organizerId, String from,
                                String to) {
            Map<String, Object> problems = new LinkedHashMap<>();
            TimeRange period = TimeRange.of(from, to, problems);
            if (provider != null && provider.length() > 32) {
                problems.put("provider", "must be at most 32 characters");
            }
            if (!problems.isEmpty()) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "Invalid payment query", problems);
            }
            return new Filter(status, provider == null || provider.isBlank() ? null : provider.trim(), eventId,
                    organizerId, period.from(), period.to());
        }
    }

    /** Payments matching the filter, newest first. */
    public Page<View> list(Filter f, int page, int size) {
        Page.checkRequest(page, size);
        Conditions where = new Conditions("o.id = p.orderId")
                .and("p.status = :status", "status", f.status())
                .and("p.provider = :provider", "provider", f.provider())
                .and("EXISTS (SELECT i FROM OrderItem i WHERE i.orderId = p.orderId AND i.eventId = :event)",
                        "event", f.eventId())
                .and("EXISTS (SELECT i FROM OrderItem i, Event e WHERE i.orderId = p.orderId AND e.id = i.eventId "
                        + "AND e.organizerId = :organizer)", "organizer", f.organizerId())
                .and("p.createdAt >= :from", "from", f.from())
                .and("p.createdAt < :to", "to", f.to());
        return page(where, page, size, " ORDER BY p.createdAt DESC, p.id");
    }

    /**
     * Payments in flight (AUTHORIZED, PROCESSING) or being refunded (REFUNDING) with no change for longer than
     * {@code olderThan}: a checkout or a refund the sweeps could not settle, oldest first.
     */
    public Page<View> stuck(Duration olderThan, int page, int size) {
        Page.checkRequest(page, size);
        Conditions where = new Conditions("o.id = p.orderId")
                .and("p.status IN :stuck", "stuck", STUCK)
                .and("p.updatedAt < :before", "before", clock.instant().minus(olderThan));
        return page(where, page, size, " ORDER BY p.updatedAt, p.id");
    }

    /**
     * An admin has the provider asked about a stuck payment now: one in flight is settled as the provider says
     * (paid, failed, or still open), a refund that never reached the provider is asked for again. Audited.
     * INVALID_STATE_TRANSITION for a payment that is not in flight or being refunded.
     */
    public View retry(UUID adminId, UUID paymentId, RequestOrigin origin) {
        Payment payment = records.get(paymentId);
        switch (payment.status()) {
            case AUTHORIZED, PROCESSING -> payments.settleNow(payment);
            case REFUNDING -> payments.refund(payment, clock.instant());
            default -> throw new ApiException(ErrorCode.INVALID_STATE_TRANSITION, "This payment is " + payment.status()
                    + ": there is nothing to ask its provider", Map.of("status", payment.status().name()));
        }
        Payment now = records.get(paymentId);
        audit.success(adminId, "PAYMENT_RETRIED", "payment", paymentId, origin, payment.status() + " -> " + now.status());
        return View.of(now, em.find(Order.class, now.orderId()).userId());
    }

    private Page<View> page(Conditions where, int page, int size, String order) {
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(p) FROM Payment p, Order o" + where, Long.class);
        TypedQuery<Object[]> select = em.createQuery("SELECT p, o.userId FROM Payment p, Order o" + where + order,
                Object[].class);
        where.bind(count, select);
        List<View> items = select.setFirstResult((page - 1) * size).setMaxResults(size).getResultStream()
                .map(row -> View.of((Payment) row[0], (UUID) row[1])).toList();
        return new Page<>(items, page, size, count.getSingleResult());
    }
}
