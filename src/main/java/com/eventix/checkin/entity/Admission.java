package com.eventix.checkin.entity;

import com.eventix.platform.persistence.InstantConverter;
import com.eventix.platform.persistence.OptionalUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One stay of a ticket on a check-in list: admitted at a gate by a scanner, and on lists that scan exits, ended by
 * an exit. Stays are numbered per ticket and list (cycle 1, 2, ...); the database keeps at most one open.
 */
@Entity
@Table(name = "checkin_admissions")
public class Admission {
    @Id
    private UUID id;
    @Column(name = "ticket_id", nullable = false)
    private UUID ticketId;
    @Column(name = "event_id", nullable = false)
    private UUID eventId;
    @Column(name = "list_id", nullable = false)
    private UUID listId;
    @Column(nullable = false)
    private int cycle;
    @Column(name = "admitted_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant admittedAt;
    private String gate;
    @Column(name = "scanner_id")
    @Convert(converter = OptionalUuidConverter.class)
    private UUID scannerId;
    @Column(name = "scanned_by")
    @Convert(converter = OptionalUuidConverter.class)
    private UUID scannedBy;
    @Column(name = "scanner_name", nullable = false)
    private String scannerName;
    @Column(name = "exited_at")
    @Convert(converter = InstantConverter.class)
    private Instant exitedAt;
    @Column(name = "exit_gate")
    private String exitGate;

    protected Admission() {
    }

    /** Who scanned: a device (scannerId) or an organizer (scannedBy), and the name shown for it. */
    public record Scanner(UUID deviceId, UUID userId, String name) {
    }

    public Admission(UUID ticketId, UUID eventId, UUID listId, int cycle, Instant admittedAt, String gate,
                     Scanner scanner) {
        if (cycle < 1) {
            throw new IllegalArgumentException("Stays are numbered from 1");
        }
        this.id = UUID.randomUUID();
        this.ticketId = ticketId;
        this.eventId = eventId;
        this.listId = listId;
        this.cycle = cycle;
        this.admittedAt = admittedAt;
        this.gate = gate;
        this.scannerId = scanner.deviceId();
        this.scannedBy = scanner.userId();
        this.scannerName = scanner.name();
    }

    /** The ticket goes out; only an open stay can end. */
    public void exit(Instant at, String atGate) {
        if (!isOpen()) {
            throw new IllegalStateException("This stay has ended already");
        }
        exitedAt = at;
        exitGate = atGate;
    }

    public boolean isOpen() {
        return exitedAt == null;
    }

    public UUID id() {
        return id;
    }

    public UUID ticketId() {
        return ticketId;
    }

    public UUID eventId() {
        return eventId;
    }

    public UUID listId() {
        return listId;
    }

    public int cycle() {
        return cycle;
    }

    public Instant admittedAt() {
        return admittedAt;
    }

    public String gate() {
        return gate;
    }

    public UUID scannerId() {
        return scannerId;
    }

    public String scannerName() {
        return scannerName;
    }

    public Instant exitedAt() {
        return exitedAt;
    }

    public String exitGate() {
        return exitGate;
    }
}
