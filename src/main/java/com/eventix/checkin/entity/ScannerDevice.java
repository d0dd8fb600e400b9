package com.eventix.checkin.entity;

import com.eventix.platform.persistence.InstantConverter;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A door scanner an organizer issued for one event, known by the hash of its key. It scans for the lists it was
 * given (none: every list of the event) until it is revoked.
 */
@Entity
@Table(name = "scanner_devices")
public class ScannerDevice {
    @Id
    private UUID id;
    @Column(name = "event_id", nullable = false)
    private UUID eventId;
    @Column(nullable = false)
    private String name;
    private String gate;
    @Column(name = "key_hash", nullable = false)
    private String keyHash;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "scanner_device_lists", joinColumns = @JoinColumn(name = "device_id"))
    @Column(name = "list_id")
    private Set<UUID> listIds = new HashSet<>();
    @Column(name = "created_by", nullable = false)
    private UUID createdBy;
    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;
    @Column(name = "revoked_at")
    @Convert(converter = InstantConverter.class)
    private Instant revokedAt;

    protected ScannerDevice() {
    }

    public ScannerDevice(UUID eventId, String name, String gate, Collection<UUID> listIds, String keyHash,
                         UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.eventId = eventId;
        this.name = name;
        this.gate = gate;
        if (listIds != null) {
            this.listIds.addAll(listIds);
        }
        this.keyHash = keyHash;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** From now on its key and its tokens are refused; revoking twice changes nothing. */
    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    /** Whether it may scan for the list: one of its own, or any list when it was given none. */
    public boolean scansFor(UUID listId) {
        return listIds.isEmpty() || listIds.contains(listId);
    }

    public UUID id() {
        return id;
    }

    public UUID eventId() {
        return eventId;
    }

    public String name() {
        return name;
    }

    public String gate() {
        return gate;
    }

    public Set<UUID> listIds() {
        return Set.copyOf(listIds);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
