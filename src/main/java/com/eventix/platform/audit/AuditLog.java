package com.eventix.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/**
 * Writes the audit log. A success is recorded in the caller's transaction (it exists only if the action
 * committed); a failure in a transaction of its own, because the failed action rolls back.
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

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failure(UUID actorId, String action, String resourceType, Object resourceId, RequestOrigin origin,
                        String details) {
        em.persist(new AuditEntry(actorId, action, resourceType, resourceId == null ? null : resourceId.toString(),
                AuditEntry.Outcome.FAILURE, origin, details, clock.instant()));
    }
}
