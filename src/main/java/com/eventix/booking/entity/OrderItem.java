package com.eventix.booking.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** One line of an order: the hold it pays for, at the price held. */
@Entity
@Table(name = "order_items")
public class OrderItem {
    @Id
    private UUID id;
    @Column(name = "order_id", nullable = false)
    private UUID orderId;
    @Column(name = "reservation_id", nullable = false)
    private UUID reservationId;
    @Column(name = "event_id", nullable = false)
    private UUID eventId;
    @Column(name = "tier_id", nullable = false)
    private UUID tierId;
    @Column(nullable = false)
    private int quantity;
    @Column(name = "unit_price", nullable = false)
    private BigDecimal unitPrice;

    protected OrderItem() {
    }

    public OrderItem(Order order, Reservation hold) {
        this.id = UUID.randomUUID();
        this.orderId = order.id();
        this.reservationId = hold.id();
        this.eventId = hold.eventId();
        this.tierId = hold.tierId();
        this.quantity = hold.quantity();
        this.unitPrice = hold.unitPrice();
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID reservationId() {
        return reservationId;
    }

    public UUID eventId() {
        return eventId;
    }

    public UUID tierId() {
        return tierId;
    }

    public int quantity() {
        return quantity;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }
}
