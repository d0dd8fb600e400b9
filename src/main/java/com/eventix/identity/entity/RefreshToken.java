package com.eventix.identity.entity;

import com.eventix.platform.persistence.InstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One refresh token of a login "family". Only its SHA-256 is stored. A token is good for one use: using it
 * yields the family's next token; presenting it again means it was stolen, and the whole family is revoked.
 * A family lives at most a maximum age from its sign-in, however often it is rotated.
 */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken {
    /** Why a presented token was refused. */
    public enum Rejection { EXPIRED, REVOKED, REUSED, SESSION_EXPIRED }

    @Id
    private UUID id;
    @Column(name = "user_id", nullable = false)
    private UUID userId;
    @Column(name = "family_id", nullable = false)
    private UUID familyId;
    @Column(name = "family_started_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant familyStartedAt;
    @Column(name = "token_hash", nullable = false)
    private String tokenHash;
    @Column(name = "expires_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant expiresAt;
    @Column(name = "used_at")
    @Convert(converter = InstantConverter.class)
    private Instant usedAt;
    @Column(name = "revoked_at")
    @Convert(converter = InstantConverter.class)
    private Instant revokedAt;
    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;

    protected RefreshToken() {
    }

    public RefreshToken(UUID userId, UUID familyId, Instant familyStartedAt, String tokenHash, Instant now,
                        Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.familyId = familyId;
        this.familyStartedAt = familyStartedAt;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /**
     * Spends the token. Answers why it cannot be spent, or null when it just was (and must be replaced by the
     * family's next token). A family older than {@code maxAge} is refused even if the token itself is fresh.
     */
    public Rejection use(Instant now, Duration maxAge) {
        if (usedAt != null) {
            return Rejection.REUSED;
        }
        if (revokedAt != null) {
            return Rejection.REVOKED;
        }
        if (!now.isBefore(familyStartedAt.plus(maxAge))) {
            return Rejection.SESSION_EXPIRED;
        }
        if (!now.isBefore(expiresAt)) {
            return Rejection.EXPIRED;
        }
        usedAt = now;
        return null;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public UUID id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }

    public UUID familyId() {
        return familyId;
    }

    public Instant familyStartedAt() {
        return familyStartedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
