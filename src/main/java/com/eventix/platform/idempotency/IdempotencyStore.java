package com.eventix.platform.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The idempotency_keys table, each operation its own short transaction. */
@ApplicationScoped
public class IdempotencyStore {
    /** A claim older than this belongs to a request that died half-way; a retry may take it over. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "eventix")
    EntityManager em;

    /** The state of a key as the claim found it. */
    public record Claim(Outcome outcome, String requestHash, Integer status, String body) {
    }

    public enum Outcome { CLAIMED, IN_PROGRESS, DONE }

    /**
     * Claims the key for this request, or reports what holds it. A concurrent claim of the same key waits for
     * this short transaction and then finds the key taken.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claim claim(UUID userId, String scope, String key, String hash, Instant now) {
        int inserted = em.createNativeQuery("INSERT INTO idempotency_keys (user_id, scope, idempotency_key, request_hash) "
                        + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
                .setParameter(1, userId).setParameter(2, scope).setParameter(3, key).setParameter(4, hash)
                .executeUpdate();
        if (inserted == 1) {
            return new Claim(Outcome.CLAIMED, hash, null, null);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT request_hash, response_status, response_body, "
                        + "created_at < ?4 FROM idempotency_keys WHERE user_id = ?1 AND scope = ?2 AND idempotency_key = ?3 "
                        + "FOR UPDATE")
                .setParameter(1, userId).setParameter(2, scope).setParameter(3, key)
                .setParameter(4, now.minus(ABANDONED_AFTER).atOffset(ZoneOffset.UTC)).getResultList();
        Object[] row = rows.get(0);
        String storedHash = ((String) row[0]).trim();
        if (row[1] != null) {
            return new Claim(Outcome.DONE, storedHash, ((Number) row[1]).intValue(), (String) row[2]);
        }
        if (Boolean.TRUE.equals(row[3]) && storedHash.equals(hash)) {
            em.createNativeQuery("UPDATE idempotency_keys SET created_at = ?4 WHERE user_id = ?1 AND scope = ?2 "
                            + "AND idempotency_key = ?3")
                    .setParameter(1, userId).setParameter(2, scope).setParameter(3, key)
                    .setParameter(4, now.atOffset(ZoneOffset.UTC)).executeUpdate();
            return new Claim(Outcome.CLAIMED, hash, null, null);
        }
        return new Claim(Outcome.IN_PROGRESS, storedHash, null, null);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void complete(UUID userId, String scope, String key, int status, String body) {
        em.createNativeQuery("UPDATE idempotency_keys SET response_status = ?4, response_body = ?5 "
                        + "WHERE user_id = ?1 AND scope = ?2 AND idempotency_key = ?3")
                .setParameter(1, userId).setParameter(2, scope).setParameter(3, key).setParameter(4, status)
                .setParameter(5, body).executeUpdate();
    }

    /** The request failed: its key is free again, for a retry. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(UUID userId, String scope, String key) {
        em.createNativeQuery("DELETE FROM idempotency_keys WHERE user_id = ?1 AND scope = ?2 AND idempotency_key = ?3 "
                        + "AND response_status IS NULL")
                .setParameter(1, userId).setParameter(2, scope).setParameter(3, key).executeUpdate();
    }
}
