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
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A hold on tickets of one tier for a short time (15 minutes by default). While ACTIVE its quantity is missing
 * from the tier's available count; it ends exactly once: RELEASED by its owner, EXPIRED by the sweep (both give
 * the quantity back) or CONSUMED by a paid order (the quantity becomes tickets).
 */
@Entity
@Table(name = "reservations")
public class Reservation {
    public enum Status { ACTIVE, RELEASED, EXPIRED, CONSUMED }

    @Id
    private UUID id;
    @Column(name = "user_id", nullable = false)
    private UUID userId;
    @Column(name = "event_id", nullable = false)
    private UUID eventId;
    @Column(name = "tier_id", nullable = false)
    private UUID tierId;
    @Column(nullable = false)
    private int quantity;
    @Column(name = "unit_price", nullable = false)
    private BigDecimal unitPrice;
    @Column(nullable = false)
    private String currency;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "expires_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant expiresAt;
    /**
     * While a payment for it is in flight, the hold is kept this many seconds past its expiry (null: not protected).
     * Relative to the expiry, so the expiry stays the one time that says when the hold runs out.
     */
    @Column(name = "protected_seconds")
    private Long protectedSeconds;
    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant updatedAt;

    protected Reservation() {
    }

    public Reservation(UUID userId, UUID eventId, UUID tierId, int quantity, BigDecimal unitPrice, String currency,
                       Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.eventId = eventId;
        this.tierId = tierId;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.currency = currency;
        this.status = Status.ACTIVE;
        this.createdAt = now;
        this.updatedAt = now;
        this.expiresAt = expiresAt;
    }

    /** The owner lets the tickets go before the hold runs out; answers the quantity to give back. */
    public int release(Instant now) {
        return end(Status.RELEASED, now);
    }

    /** The hold ran out; answers the quantity to give back. */
    public int expire(Instant now) {
        if (now.isBefore(runsOutAt())) {
            throw new ApiException(ErrorCode.INVALID_STATE_TRANSITION, "The hold has not expired yet");
        }
        return end(Status.EXPIRED, now);
    }

    /** When the hold may be expired: its expiry, or later while a payment for it is in flight. */
    public Instant runsOutAt() {
        return protectedSeconds == null ? expiresAt : expiresAt.plusSeconds(protectedSeconds);
    }

    /**
     * A payment for the hold is in flight: the hold is kept {@code grace} past its expiry, since the provider may
     * still confirm the payment. Nothing changes on a hold that has ended.
     */
    public void protectFor(Duration grace, Instant now) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("negative grace " + grace);
        }
        if (isActive()) {
            protectedSeconds = grace.toSeconds();
            updatedAt = now;
        }
    }

    /** The payment that protected the hold ended without paying: the hold runs out at its own expiry again. */
    public void unprotect(Instant now) {
        if (isActive() && protectedSeconds != null) {
            protectedSeconds = null;
            updatedAt = now;
        }
    }

    /** A paid order turns the hold into tickets; nothing goes back to the tier. */
    public void consume(Instant now) {
        end(Status.CONSUMED, now);
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public BigDecimal total() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    private int end(Status to, Instant now) {
        if (status != Status.ACTIVE) {
            throw new ApiException(ErrorCode.RESERVATION_NOT_ACTIVE, "This reservation is " + status,
                    Map.of("status", status.name()));
        }
        status = to;
        updatedAt = now;
        return quantity;
    }

    public UUID id() {
        return id;
    }

    public UUID userId() {
        return userId;
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

    public String currency() {
        return currency;
    }

    public Status status() {
        return status;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
