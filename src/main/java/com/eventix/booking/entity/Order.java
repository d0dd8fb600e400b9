package com.eventix.booking.entity;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.persistence.InstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An order pays for one or more of a user's holds, in one currency. PENDING until a payment completes (PAID);
 * CANCELLED when its payment was declined; EXPIRED when its holds ran out unpaid (a payment that still succeeds
 * later may revive it while stock remains). A paid order whose buyer asks for money back is REFUND_REQUESTED while
 * a refund is pending, PARTIALLY_REFUNDED when some of its tickets were refunded, REFUNDED when all were.
 */
@Entity
@Table(name = "orders")
public class Order {
    public enum Status {
        PENDING, PAID, CANCELLED, EXPIRED,
        /** A refund of some of its tickets is pending (awaiting the organizer or the provider). */
        REFUND_REQUESTED,
        /** Some of its tickets were refunded, none is pending. */
        PARTIALLY_REFUNDED,
        /** Every ticket was refunded. */
        REFUNDED
    }

    @Id
    private UUID id;
    @Column(name = "user_id", nullable = false)
    private UUID userId;
    @Column(name = "total_amount", nullable = false)
    private BigDecimal totalAmount;
    @Column(nullable = false)
    private String currency;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Version
    private long version;
    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant updatedAt;

    protected Order() {
    }

    /** An order for the user's active holds, which must share one currency. */
    public static Order place(UUID userId, List<Reservation> holds, Instant now) {
        if (holds.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "An order needs at least one reservation",
                    Map.of("reservationIds", "must not be empty"));
        }
        String currency = holds.get(0).currency();
        BigDecimal total = BigDecimal.ZERO;
        for (Reservation hold : holds) {
            if (!hold.userId().equals(userId)) {
                throw ApiException.notFound("Reservation");
            }
            if (!hold.isActive()) {
                throw new ApiException(ErrorCode.RESERVATION_NOT_ACTIVE, "Reservation " + hold.id() + " is "
                        + hold.status(), Map.of("reservationId", hold.id().toString(), "status", hold.status().name()));
            }
            if (!hold.currency().equals(currency)) {
                throw new ApiException(ErrorCode.MIXED_CURRENCIES, "All reservations of an order must be in one currency",
                        Map.of("currencies", holds.stream().map(Reservation::currency).distinct().toList()));
            }
            total = total.add(hold.total());
        }
        Order order = new Order();
        order.id = UUID.randomUUID();
        order.userId = userId;
        order.totalAmount = total;
        order.currency = currency;
        order.status = Status.PENDING;
        order.createdAt = now;
        order.updatedAt = now;
        return order;
    }

    /** Payment arrived. A late payment may still turn an EXPIRED order into a PAID one (stock permitting). */
    public void paid(Instant now) {
        if (status != Status.PENDING && status != Status.EXPIRED) {
            throw transition(Status.PAID);
        }
        status = Status.PAID;
        updatedAt = now;
    }

    public void expire(Instant now) {
        if (status != Status.PENDING) {
            throw transition(Status.EXPIRED);
        }
        status = Status.EXPIRED;
        updatedAt = now;
    }

    /** Its payment was declined: the order ends and its holds are released. */
    public void cancel(Instant now) {
        if (status != Status.PENDING) {
            throw transition(Status.CANCELLED);
        }
        status = Status.CANCELLED;
        updatedAt = now;
    }

    /**
     * Its refunds changed: of its {@code tickets} tickets, {@code refunded} have had their money back, and
     * {@code pending} says whether a refund is still requested or on its way. Only a paid order has refunds.
     */
    public void refundsChanged(int tickets, int refunded, boolean pending, Instant now) {
        if (!isPaid()) {
            throw transition(Status.REFUND_REQUESTED);
        }
        if (refunded < 0 || refunded > tickets) {
            throw new IllegalArgumentException(refunded + " of " + tickets + " tickets refunded");
        }
        status = tickets > 0 && refunded == tickets ? Status.REFUNDED
                : pending ? Status.REFUND_REQUESTED
                : refunded > 0 ? Status.PARTIALLY_REFUNDED
                : Status.PAID;
        updatedAt = now;
    }

    /**
     * Money went back to the payer outside Eventix's refunds (the provider's dashboard, a lost chargeback): all of it
     * ({@code whole}, the order is REFUNDED) or some (a paid order is PARTIALLY_REFUNDED; one with refunds of its own
     * under way keeps its status).
     */
    public void moneyReturnedOutside(boolean whole, Instant now) {
        if (!isPaid()) {
            throw transition(Status.REFUNDED);
        }
        if (whole) {
            status = Status.REFUNDED;
        } else if (status == Status.PAID) {
            status = Status.PARTIALLY_REFUNDED;
        }
        updatedAt = now;
    }

    /** Paid for, whatever happened to its refunds since. */
    public boolean isPaid() {
        return status == Status.PAID || status == Status.REFUND_REQUESTED || status == Status.PARTIALLY_REFUNDED
                || status == Status.REFUNDED;
    }

    public boolean isOpen() {
        return status == Status.PENDING;
    }

    private ApiException transition(Status to) {
        return new ApiException(ErrorCode.INVALID_STATE_TRANSITION, "Cannot go from " + status + " to " + to,
                Map.of("from", status.name(), "to", to.name()));
    }

    public UUID id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }

    public BigDecimal totalAmount() {
        return totalAmount;
    }

    public String currency() {
        return currency;
    }

    public Status status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
