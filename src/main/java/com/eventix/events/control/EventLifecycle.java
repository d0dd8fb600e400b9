package com.eventix.events.control;

import com.eventix.events.entity.Event;
import com.eventix.platform.audit.AuditLog;
import com.eventix.platform.audit.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The time-driven part of the lifecycle: PUBLISHED → ACTIVE at the start, ACTIVE → COMPLETED at the end. Due
 * events are claimed with FOR UPDATE SKIP LOCKED, so every instance may sweep at once and each event moves once;
 * an event whose start and end both passed while no instance ran goes through both steps.
 */
@ApplicationScoped
public class EventLifecycle {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    jakarta.enterprise.event.Event<EventChanged> changed;

    /** Moves up to {@code batch} due events; answers how many were claimed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int advance(Instant now, int batch) {
        @SuppressWarnings("unchecked")
        List<Event> due = em.createNativeQuery("""
                        SELECT * FROM events
                        WHERE (status = 'PUBLISHED' AND start_time <= ?1) OR (status = 'ACTIVE' AND end_time <= ?1)
                        ORDER BY start_time, id
                        LIMIT ?2
                        FOR UPDATE SKIP LOCKED""", Event.class)
                .setParameter(1, now.atOffset(ZoneOffset.UTC))
                .setParameter(2, batch)
                .getResultList();
        for (Event event : due) {
            if (event.status() == Event.Status.PUBLISHED) {
                event.activate(now);
                audit.success(null, "EVENT_ACTIVATED", "event", event.id(), RequestOrigin.INTERNAL, null);
            }
            if (event.status() == Event.Status.ACTIVE && !now.isBefore(event.endTime())) {
                event.complete(now);
                audit.success(null, "EVENT_COMPLETED", "event", event.id(), RequestOrigin.INTERNAL, null);
            }
            changed.fire(EventChanged.details(event.id()));
        }
        return due.size();
    }
}
