package com.eventix.payouts.entity;

import com.eventix.platform.persistence.InstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An admin's hold on an organizer's payouts (a fraud check, a dispute): while it stands none is made or sent. */
@Entity
@Table(name = "payout_holds")
public class PayoutHold {
    @Id
    @Column(name = "organizer_id")
    private UUID organizerId;
    @Column(nullable = false)
    private String reason;
    @Column(name = "held_by", nullable = false)
    private UUID heldBy;
    @Column(name = "held_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant heldAt;

    protected PayoutHold() {
    }

    public PayoutHold(UUID organizerId, String reason, UUID heldBy, Instant now) {
        this.organizerId = organizerId;
        this.reason = reason;
        this.heldBy = heldBy;
        this.heldAt = now;
    }

    public UUID organizerId() {
        return organizerId;
    }

    public String reason() {
        return reason;
    }

    public Instant heldAt() {
        return heldAt;
    }
}
