package com.eventix.platform.idempotency;

import static com.eventix.platform.persistence.NativeRows.instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The idempotency_keys table. A claim is committed on its own before its request runs, with a lease: while the
 * lease lasts, or while the request's transaction holds the row locked, the key is in progress; a claim left
 * without an answer after both is abandoned (its server died) and may be taken over.
 */
@ApplicationScoped
public class IdempotencyStore {
    /** Rows written before leases existed: taken over this long after their claim, as they always were. */
    static final Duration LEGACY_LEASE = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "eventix")
    EntityManager em;

    /** The state of a key as the claim found it; {@code claimedAt} is when an abandoned claim was made. */
    /** Claims tried when the key's holder keeps releasing it in between; then it is reported in progress (409). */
    private static final int CLAIM_ATTEMPTS = 3;

    public record Claim(Outcome outcome, String requestHash, Integer status, String body, Instant claimedAt) {
    }

    public enum Outcome { CLAIMED, IN_PROGRESS, DONE, ABANDONED }

    /**
     * Claims the key for this request for {@code lease}, or reports what holds it. An abandoned claim is taken over
     * (outcome ABANDONED, with the time of the old claim) and leased anew, so only one retry finishes it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claim claim(UUID userId, String scope, String key, String hash, Instant now, Duration lease) {
        Object[] row = null;
        for (int attempt = 1; row == null; attempt++) {
            if (insert(userId, scope, key, hash, now, lease)) {
                return new Claim(Outcome.CLAIMED, hash, null, null, now);
            }
            // Read without locking first: the row of a request still running in one transaction is locked by it.
            row = find("SELECT request_hash, response_status, response_body FROM idempotency_keys "
                    + "WHERE user_id = ?1 AND scope = ?2 AND idempotency_key = ?3", userId, scope, key).orElse(null);
            // None: the request that held the key failed and released it since the insert; the key is free again.
            if (row == null && attempt == CLAIM_ATTEMPTS) {
                return new Claim(Outcome.IN_PROGRESS, hash, null, null, null);
            }
        }
        String storedHash = ((String) row[0]).trim();
        if (row[1] != null) {
            return new Claim(Outcome.DONE, storedHash, ((Number) row[1]).intValue(), (String) row[2], null);
        }
        if (!storedHash.equals(hash)) {
            return new Claim(Outcome.IN_PROGRESS, storedHash, null, null, null);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> unlocked = em.createNativeQuery("SELECT response_status, response_body, "
                        + "COALESCE(lease_until, created_at + make_interval(secs => ?4)), created_at FROM idempotency_keys "
                        + "WHERE user_id = ?1 AND scope = ?2 AND idempotency_key = ?3 FOR UPDATE SKIP LOCKED")
                .setParameter(1, userId).setParameter(2, scope).setParameter(3, key)
                .setParameter(4, LEGACY_LEASE.toSeconds()).getResultList();
        if (unlocked.isEmpty()) {
            return new Claim(Outcome.IN_PROGRESS, storedHash, null, null, null);
        }
        Object[] current = unlocked.get(0);
        if (current[0] != null) {
            return new Claim(Outcome.DONE, storedHash, ((Number) current[0]).intValue(), (String) current[1], null);
        }
        if (instant(current[2]).isAfter(now)) {
            return new Claim(Outcome.IN_PROGRESS, storedHash, null, null, null);
        }
        em.createNativeQuery("UPDATE idempotency_keys SET created_at = ?4, lease_until = ?5 WHERE user_id = ?1 "
                        + "AND scope = ?2 AND idempotency_key = ?3")
                .setParameter(1, userId).setParameter(2, scope).setParameter(3, key)
                .setParameter(4, utc(now)).setParameter(5, utc(now.plus(lease))).executeUpdate();
        return new Claim(Outcome.ABANDONED, storedHash, null, null, instant(current[3]));
    }

    /**
     * Runs {@code action} and stores its answer in one transaction, which holds the claim locked from the start:
     * the effect commits with its answer or not at all, and while it runs every duplicate sees the key in progress.
     */
    @Transactional
    public Answer completeAtomically(UUID userId, String scope, String key, Supplier<Answer> action) {
        row("SELECT request_hash FROM idempotency_keys WHERE user_id = ?1 AND scope = ?2 AND idempotency_key = ?3 "
                + "FOR UPDATE", userId, scope, key);
        Answer answer = action.get();
        complete(userId, scope, key, answer.status(), answer.body());
        return answer;
    }

    /** A response as stored: its status and JSON body. */
    public record Answer(int status, String body, Object response) {
    }

    /** Stores the answer, in the caller's transaction if there is one; an answer already stored stays. */
    @Transactional
    public void complete(UUID userId, String scope, String key, int status, String body) {
        em.createNativeQuery("UPDATE idempotency_keys SET response_status = ?4, response_body = ?5 "
                        + "WHERE user_id = ?1 AND scope = ?2 AND idempotency_key = ?3 AND response_status IS NULL")
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

    private boolean insert(UUID userId, String scope, String key, String hash, Instant now, Duration lease) {
        return em.createNativeQuery("INSERT INTO idempotency_keys (user_id, scope, idempotency_key, "
                        + "request_hash, created_at, lease_until) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING")
                .setParameter(1, userId).setParameter(2, scope).setParameter(3, key).setParameter(4, hash)
                .setParameter(5, utc(now)).setParameter(6, utc(now.plus(lease)))
                .executeUpdate() == 1;
    }

    private Object[] row(String sql, UUID userId, String scope, String key) {
        return find(sql, userId, scope, key).orElseThrow(() -> new IllegalStateException(
                "Idempotency key " + scope + "/" + key + " vanished while claimed"));
    }

    private Optional<Object[]> find(String sql, UUID userId, String scope, String key) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery(sql).setParameter(1, userId).setParameter(2, scope)
                .setParameter(3, key).getResultList();
        return rows.stream().findFirst().map(first -> first instanceof Object[] columns ? columns : new Object[] {first});
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

}
