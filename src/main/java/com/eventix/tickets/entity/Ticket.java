package com.eventix.tickets.entity;

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
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An admission to an event, owned by a user, with its signed QR code (the current version of it). A transfer gives
 * the ticket a new owner and a new code of the next version; codes of lower versions are void from then on.
 */
@Entity
@Table(name = "tickets")
public class Ticket {
    /** Named for the API document: every enum called Status would otherwise share one schema there. */
    @Schema(name = "TicketStatus")
    public enum Status {
        /** Set when the ticket is issued for a paid order; it stays VALID through transfers. */
        VALID,
        /** Admitted at the door (set by check-in, once, on its first admission). It cannot be transferred or refunded. */
        CHECKED_IN,
        /** Its money went back (or is on its way back): void. Such a ticket cannot be transferred. */
        REFUNDED,
        /** Its event was cancelled (its money goes back to the buyer): void. Such a ticket cannot be transferred. */
        CANCELLED
    }

    @Id
    private UUID id;
    @Column(name = "tier_id", nullable = false)
    private UUID tierId;
    @Column(name = "event_id")
    private UUID eventId;
    @Column(name = "order_id", nullable = false)
    private UUID orderId;
    @Column(name = "owner_id", nullable = false)
    private UUID ownerId;
    @Column(name = "qr_code", nullable = false)
    private String qrCode;
    @Column(name = "code_version", nullable = false)
    private int codeVersion;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "checked_in_at")
    @Convert(converter = InstantConverter.class)
    private Instant checkedInAt;
    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;
    /** When {@link #codeVersion} last changed: the issue, or the last transfer. */
    @Column(name = "code_changed_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant codeChangedAt;

    protected Ticket() {
    }

    /** A new ticket; its code is signed by the caller, who knows the event's key. */
    public Ticket(UUID id, UUID eventId, UUID tierId, UUID orderId, UUID ownerId, String qrCode, Instant now) {
        this.id = id;
        this.eventId = eventId;
        this.tierId = tierId;
        this.orderId = orderId;
        this.ownerId = ownerId;
        this.qrCode = qrCode;
        this.codeVersion = 1;
        this.status = Status.VALID;
        this.createdAt = now;
        this.codeChangedAt = now;
    }

    /**
     * Refuses (409 TICKET_NOT_TRANSFERABLE, with the status) a ticket that has been used or voided: checked in,
     * refunded or cancelled.
     */
    public void requireTransferable() {
        if (status != Status.VALID) {
            throw new ApiException(ErrorCode.TICKET_NOT_TRANSFERABLE, "A " + status.name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + " ticket cannot be transferred", Map.of("status", status.name()));
        }
    }

    /**
     * The ticket changes hands: it gets {@code newOwner} and a new code of the next version, signed by
     * {@code signer} (which is given that version), so every code issued before is void.
     */
    public void transferTo(UUID newOwner, IntFunction<String> signer, Instant now) {
        requireTransferable();
        if (newOwner.equals(ownerId)) {
            throw new ApiException(ErrorCode.TRANSFER_TO_SELF, "This ticket is yours already");
        }
        int next = codeVersion + 1;
        String code = signer.apply(next);
        if (code == null || code.isEmpty()) {
            throw new IllegalArgumentException("A transferred ticket needs its new code");
        }
        ownerId = newOwner;
        qrCode = code;
        codeVersion = next;
        codeChangedAt = now;
    }

    /**
     * Why the buyer of its order cannot have its money back, if they cannot: CHECKED_IN (used at the door),
     * TRANSFERRED (someone else owns it now), or its status when it is void already.
     */
    public Optional<String> refundRefusal(UUID buyerId) {
        if (status == Status.CHECKED_IN) {
            return Optional.of("CHECKED_IN");
        }
        if (status != Status.VALID) {
            return Optional.of(status.name());
        }
        if (!ownerId.equals(buyerId)) {
            return Optional.of("TRANSFERRED");
        }
        return Optional.empty();
    }

    /**
     * Admitted at the door: the ticket is used from now on. Later admissions (re-entries, other lists) keep the time
     * of the first. Only a valid ticket can be checked in (INVALID_STATE_TRANSITION otherwise): check-in refuses
     * refunded and cancelled tickets before it admits anyone.
     */
    public void checkIn(Instant at) {
        if (status == Status.CHECKED_IN) {
            return;
        }
        if (status != Status.VALID) {
            throw new ApiException(ErrorCode.INVALID_STATE_TRANSITION, "A " + status.name().toLowerCase(Locale.ROOT)
                    + " ticket cannot be checked in", Map.of("status", status.name()));
        }
        status = Status.CHECKED_IN;
        checkedInAt = at;
    }

    /** Its buyer's refund was approved: the ticket is void (refused at the door). */
    public void refund(UUID buyerId) {
        refundRefusal(buyerId).ifPresent(why -> {
            throw new ApiException(ErrorCode.TICKET_NOT_REFUNDABLE, "Ticket " + id + " cannot be refunded: " + why,
                    Map.of("ticketId", id.toString(), "reason", why));
        });
        status = Status.REFUNDED;
    }

    /**
     * The money paid for it went back to the payer outside Eventix (a refund in the provider's dashboard, a lost
     * chargeback): a valid ticket is void (REFUNDED), whoever holds it now; a used or void one stays as it is.
     * Answers whether it changed.
     */
    public boolean moneyTakenBack() {
        if (status != Status.VALID) {
            return false;
        }
        status = Status.REFUNDED;
        return true;
    }

    /**
     * Its event was cancelled: the ticket is void, whoever holds it now and whether or not it was used. One already
     * void (refunded or cancelled) stays as it is; answers whether it changed.
     */
    public boolean cancel() {
        if (status == Status.REFUNDED || status == Status.CANCELLED) {
            return false;
        }
        status = Status.CANCELLED;
        return true;
    }

    public UUID id() {
        return id;
    }

    public UUID eventId() {
        return eventId;
    }

    public UUID tierId() {
        return tierId;
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public String qrCode() {
        return qrCode;
    }

    public int codeVersion() {
        return codeVersion;
    }

    public Status status() {
        return status;
    }

    public Instant checkedInAt() {
        return checkedInAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant codeChangedAt() {
        return codeChangedAt;
    }
}
