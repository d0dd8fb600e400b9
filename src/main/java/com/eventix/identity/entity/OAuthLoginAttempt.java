package com.eventix.identity.entity;

import com.eventix.platform.persistence.InstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An OpenID Connect sign-in between the redirect to the provider and its callback; used once. */
@Entity
@Table(name = "oauth_login_attempts")
public class OAuthLoginAttempt {
    @Id
    private String state;
    @Column(nullable = false)
    private String provider;
    @Column(name = "code_verifier", nullable = false)
    private String codeVerifier;
    @Column(nullable = false)
    private String nonce;
    @Column(name = "expires_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant expiresAt;
    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;

    protected OAuthLoginAttempt() {
    }

    public OAuthLoginAttempt(String state, String provider, String codeVerifier, String nonce, Instant now,
                             Instant expiresAt) {
        this.state = state;
        this.provider = provider;
        this.codeVerifier = codeVerifier;
        this.nonce = nonce;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public String codeVerifier() {
        return codeVerifier;
    }

    public String nonce() {
        return nonce;
    }
}
