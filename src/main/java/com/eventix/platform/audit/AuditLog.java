package com.eventix.platform.audit;

import com.eventix.platform.api.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Writes the audit log. A success is recorded in the caller's transaction (it exists only if the action
 * committed). A failure is recorded outside any transaction the action rolls back: callers record it with no
 * transaction open, or in one that commits despite the refusal ({@code dontRollbackOn = ApiException.class}).
 * Never in a nested transaction of its own: that would wait for a second pooled connection while holding one,
 * and a burst of refusals would exhaust the pool.
 */
@ApplicationScoped
public class AuditLog {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRED)
    public void success(UUID actorId, String action, String resourceType, Object resourceId, RequestOrigin origin,
                        String details) {
        em.persist(new AuditEntry(actorId, action, resourceType, resourceId == null ? null : resourceId.toString(),
                AuditEntry.Outcome.SUCCESS, origin, details, clock.instant()));
    }

    /** Newest first, optionally narrowed to one action and/or one actor. */
    public Page<AuditEntry> search(String action, UUID actorId, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (action != null) {
            where.append(" AND a.action = :action");
        }
        if (actorId != null) {
            where.append(" AND a.actorId = :actor");
        }
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(a) FROM AuditEntry a" + where, Long.class);
        TypedQuery<AuditEntry> select = em.createQuery("SELECT a FROM AuditEntry a" + where
                + " ORDER BY a.createdAt DESC, a.id DESC", AuditEntry.class);
        for (TypedQuery<?> q : List.of(count, select)) {
            if (action != null) {
                q.setParameter("action", action);
            }
            if (actorId != null) {
                q.setParameter("actor", actorId);
            }
        }
        List<AuditEntry> items = select.setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
        return new Page<>(items, page, size, count.getSingleResult());
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void failure(UUID actorId, String action, String resourceType, Object resourceId, RequestOrigin origin,
                        String details) {
        em.persist(new AuditEntry(actorId, action, resourceType, resourceId == null ? null : resourceId.toString(),
                AuditEntry.Outcome.FAILURE, origin, details, clock.instant()));
    }
}
