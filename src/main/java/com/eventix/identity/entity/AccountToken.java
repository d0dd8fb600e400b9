package com.eventix.identity.entity;

import com.eventix.platform.persistence.InstantConverter;
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
 * A single-use token mailed to an account's address, for one purpose only. Only its SHA-256 is stored: the
 * database alone cannot produce a working link.
 */
@Entity
@Table(name = "account_tokens")
public class AccountToken {
    /** What a token proves when it comes back. */
    public enum Purpose { VERIFY_EMAIL, RESET_PASSWORD }

    @Id
    private UUID id;
    @Column(name = "user_id", nullable = false)
    private UUID userId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Purpose purpose;
    @Column(name = "token_hash", nullable = false)
    private String tokenHash;
    @Column(name = "expires_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant expiresAt;
    @Column(name = "used_at")
    @Convert(converter = InstantConverter.class)
    private Instant usedAt;
    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;

    protected AccountToken() {
    }

    public AccountToken(UUID userId, Purpose purpose, String tokenHash, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /** Spends the token; false when it was already spent or has expired (then nothing changes). */
    public boolean redeem(Instant now) {
        if (usedAt != null || !now.isBefore(expiresAt)) {
            return false;
        }
        usedAt = now;
        return true;
    }

    public boolean isUsed() {
        return usedAt != null;
    }

    public UUID userId() {
        return userId;
    }

    public Purpose purpose() {
        return purpose;
    }
}
