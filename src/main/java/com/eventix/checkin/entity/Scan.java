package com.eventix.checkin.entity;

import com.eventix.platform.persistence.InstantConverter;
import com.eventix.platform.persistence.OptionalUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One scan as it happened, kept whatever its result: the check-in history. Never changed once written; its nonce
 * (unique per event) makes a repeated scan answer what this one answered.
 */
@Entity
@Table(name = "checkin_scans")
public class Scan {
    @Id
    private UUID id;
    @Column(name = "event_id", nullable = false)
    private UUID eventId;
    @Column(nullable = false)
    private String nonce;
    @Column(name = "ticket_id")
    @Convert(converter = OptionalUuidConverter.class)
    private UUID ticketId;
    @Column(name = "list_id")
    @Convert(converter = OptionalUuidConverter.class)
    private UUID listId;
    @Column(name = "scanner_id")
    @Convert(converter = OptionalUuidConverter.class)
    private UUID scannerId;
    @Column(name = "scanned_by")
    @Convert(converter = OptionalUuidConverter.class)
    private UUID scannedBy;
    private String gate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ScanDirection direction;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ScanResult result;
    @Enumerated(EnumType.STRING)
    private Refusal reason;
    @Column(name = "admission_id")
    @Convert(converter = OptionalUuidConverter.class)
    private UUID admissionId;
    @Column(name = "scanned_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant scannedAt;
    @Column(name = "received_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant receivedAt;
    @Column(nullable = false)
    private boolean offline;

    protected Scan() {
    }

    /** Where and how a scan was made. */
    public record Context(UUID eventId, String nonce, UUID listId, UUID scannerId, UUID scannedBy, String gate,
                          ScanDirection direction, Instant scannedAt, Instant receivedAt, boolean offline) {
    }

    /** What it decided: the result, the reason of a refusal, the ticket and the stay it concerns (each may be absent). */
    public Scan(Context context, UUID ticketId, ScanResult result, Refusal reason, UUID admissionId) {
        if (result.hasReason() != (reason != null)) {
            throw new IllegalArgumentException("A refusal reason goes with INVALID and REVOKED_ADMITTED, and only them");
        }
        this.id = UUID.randomUUID();
        this.eventId = context.eventId();
        this.nonce = context.nonce();
        this.listId = context.listId();
        this.scannerId = context.scannerId();
        this.scannedBy = context.scannedBy();
        this.gate = context.gate();
        this.direction = context.direction();
        this.scannedAt = context.scannedAt();
        this.receivedAt = context.receivedAt();
        this.offline = context.offline();
        this.ticketId = ticketId;
        this.result = result;
        this.reason = reason;
        this.admissionId = admissionId;
    }

    public UUID id() {
        return id;
    }

    public UUID eventId() {
        return eventId;
    }

    public String nonce() {
        return nonce;
    }

    public UUID ticketId() {
        return ticketId;
    }

    public UUID listId() {
        return listId;
    }

    public String gate() {
        return gate;
    }

    public ScanDirection direction() {
        return direction;
    }

    public ScanResult result() {
        return result;
    }

    public Refusal reason() {
        return reason;
    }

    public UUID admissionId() {
        return admissionId;
    }

    public Instant scannedAt() {
        return scannedAt;
    }

    public boolean offline() {
        return offline;
    }
}
