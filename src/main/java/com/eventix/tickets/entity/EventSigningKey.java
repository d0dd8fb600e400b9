package com.eventix.tickets.entity;

import com.eventix.platform.persistence.InstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The Ed25519 key pair that signs an event's ticket codes. One per event, created on first use and never
 * replaced: scanners cache the public key, and every code issued so far must keep verifying. The private key
 * is held only sealed (see {@code KeySealer}); the key id is derived from the public key, never chosen.
 */
@Entity
@Table(name = "event_signing_keys")
public class EventSigningKey {
    @Id
    @Column(name = "event_id")
    private UUID eventId;
    @Column(name = "public_key", nullable = false)
    private byte[] publicKey;
    @Column(name = "private_key_sealed", nullable = false)
    private byte[] privateKeySealed;
    @Column(name = "key_id", nullable = false)
    private String keyId;
    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;

    protected EventSigningKey() {
    }

    public EventSigningKey(UUID eventId, EventPublicKey publicKey, byte[] privateKeySealed, Instant createdAt) {
        this.eventId = Objects.requireNonNull(eventId);
        this.publicKey = publicKey.spki();
        if (privateKeySealed == null || privateKeySealed.length == 0) {
            throw new IllegalArgumentException("The sealed private key is missing");
        }
        this.privateKeySealed = privateKeySealed.clone();
        this.keyId = publicKey.keyId();
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public UUID eventId() {
        return eventId;
    }

    public EventPublicKey publicKey() {
        return EventPublicKey.ofSpki(publicKey);
    }

    public byte[] privateKeySealed() {
        return privateKeySealed.clone();
    }

    public String keyId() {
        return keyId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
