package com.eventix.platform.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;

/** One batch of one rule, in its own short transaction. */
@ApplicationScoped
public class RetentionSweep {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;

    /**
     * Deletes up to {@code limit} rows of the rule older than its age at {@code now}. Rows another instance's
     * sweep (or a request) holds are skipped, not waited for: every instance may sweep at once.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deleteBatch(RetentionRule rule, Instant now, int limit) {
        return em.createNativeQuery("DELETE FROM " + rule.table() + " WHERE ctid = ANY(ARRAY(SELECT ctid FROM "
                        + rule.table() + " WHERE " + rule.condition() + " LIMIT " + limit + " FOR UPDATE SKIP LOCKED))")
                .setParameter(1, now.minus(rule.age()).atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }
}
