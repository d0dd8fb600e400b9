package com.eventix.identity.control;

import com.eventix.identity.entity.RefreshToken;
import com.eventix.identity.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Access + refresh token pairs. Refresh tokens are 256 random bits, handed out once and stored as SHA-256.
 */
@ApplicationScoped
public class SessionTokens {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    AccessTokens accessTokens;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "REFRESH_TOKEN_EXPIRY")
    Duration refreshLifetime;
    @Inject
    @ConfigProperty(name = "SESSION_MAX_AGE")
    Duration sessionMaxAge;

    /** Starts a new family (a fresh sign-in) and returns its first pair, in the caller's transaction or its own. */
    @Transactional
    public SignedIn open(User user) {
        return next(user, UUID.randomUUID(), clock.instant());
    }

    /**
     * The family's next pair, after its previous token was spent. The new token never outlives the family's
     * absolute lifetime (SESSION_MAX_AGE from the sign-in).
     */
    public SignedIn next(User user, UUID familyId, Instant familyStartedAt) {
        String raw = OpaqueTokens.newRaw();
        Instant now = clock.instant();
        Instant expires = now.plus(refreshLifetime);
        Instant familyEnd = familyStartedAt.plus(sessionMaxAge);
        em.persist(new RefreshToken(user.id(), familyId, familyStartedAt, OpaqueTokens.hash(raw), now,
                expires.isBefore(familyEnd) ? expires : familyEnd));
        AccessTokens.AccessToken access = accessTokens.issue(user);
        return new SignedIn(access.token(), raw, access.expiresInSeconds(), user);
    }

    /** Finds the stored token a raw value belongs to, locked against a concurrent use of the same token. */
    public Optional<RefreshToken> findForUpdate(String raw) {
        return em.createQuery("SELECT t FROM RefreshToken t WHERE t.tokenHash = :hash", RefreshToken.class)
                .setParameter("hash", OpaqueTokens.hash(raw))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    /** Revokes every token of a family; answers how many were still live. */
    public int revokeFamily(UUID familyId) {
        return em.createQuery("UPDATE RefreshToken t SET t.revokedAt = :now "
                        + "WHERE t.familyId = :family AND t.revokedAt IS NULL")
                .setParameter("now", clock.instant())
                .setParameter("family", familyId)
                .executeUpdate();
    }

    /** The absolute lifetime of a sign-in. */
    public Duration sessionMaxAge() {
        return sessionMaxAge;
    }

    /** Ends every sign-in of a user (after a password reset); answers how many tokens were still live. */
    public int revokeAllOf(UUID userId) {
        return em.createQuery("UPDATE RefreshToken t SET t.revokedAt = :now "
                        + "WHERE t.userId = :user AND t.revokedAt IS NULL")
                .setParameter("now", clock.instant())
                .setParameter("user", userId)
                .executeUpdate();
    }

}
