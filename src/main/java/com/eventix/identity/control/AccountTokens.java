package com.eventix.identity.control;

import com.eventix.identity.entity.AccountToken;
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

/**
 * Tokens mailed for email verification and password reset: 256 random bits handed out once, stored as SHA-256
 * (like refresh tokens) rather than signed. A stored token can be spent once and superseded, which a signature
 * alone cannot do, and needs no extra key shared by every instance; a copy of the database holds no usable token.
 */
@ApplicationScoped
public class AccountTokens {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Clock clock;

    /** A new token for the purpose; answers the raw value to mail (it is not kept). */
    @Transactional(Transactional.TxType.MANDATORY)
    public String issue(UUID userId, AccountToken.Purpose purpose, Duration lifetime) {
        String raw = OpaqueTokens.newRaw();
        Instant now = clock.instant();
        em.persist(new AccountToken(userId, purpose, OpaqueTokens.hash(raw), now, now.plus(lifetime)));
        return raw;
    }

    /** Spends the token if it exists for this purpose, is unused and unexpired; answers its owner's id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> redeem(String raw, AccountToken.Purpose purpose) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return em.createQuery("SELECT t FROM AccountToken t WHERE t.tokenHash = :hash AND t.purpose = :purpose",
                        AccountToken.class)
                .setParameter("hash", OpaqueTokens.hash(raw.trim()))
                .setParameter("purpose", purpose)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .filter(t -> t.redeem(now))
                .map(AccountToken::userId);
    }

    /** Spends every outstanding token of the user for the purpose (the other links of an earlier request). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int spendAll(UUID userId, AccountToken.Purpose purpose) {
        return em.createQuery("UPDATE AccountToken t SET t.usedAt = :now "
                        + "WHERE t.userId = :user AND t.purpose = :purpose AND t.usedAt IS NULL")
                .setParameter("now", clock.instant())
                .setParameter("user", userId)
                .setParameter("purpose", purpose)
                .executeUpdate();
    }
}
