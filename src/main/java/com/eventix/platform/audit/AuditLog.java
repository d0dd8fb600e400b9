package com.eventix.platform.audit;

import com.eventix.platform.api.Page;
import com.eventix.platform.persistence.Conditions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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

    /** Newest first, narrowed by every part of the query that is given. */
    public Page<AuditEntry> search(AuditQuery query, int page, int size) {
        Page.checkRequest(page, size);
        Conditions where = new Conditions("1 = 1")
                .and("a.action = :action", "action", query.action())
                .and("a.actorId = :actor", "actor", query.actorId())
                .and("a.resourceType = :type", "type", query.resourceType())
                .and("a.resourceId = :resource", "resource", query.resourceId())
                .and("a.createdAt >= :from", "from", query.from())
                .and("a.createdAt < :to", "to", query.to());
        if (query.involving() != null) {
            where.and("(a.actorId = :involved OR (a.resourceType = 'user' AND a.resourceId = :involvedId))",
                    Map.of("involved", query.involving(), "involvedId", query.involving().toString()));
        }
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(a) FROM AuditEntry a" + where, Long.class);
        TypedQuery<AuditEntry> select = em.createQuery("SELECT a FROM AuditEntry a" + where
                + " ORDER BY a.createdAt DESC, a.id DESC", AuditEntry.class);
        where.bind(count, select);
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
