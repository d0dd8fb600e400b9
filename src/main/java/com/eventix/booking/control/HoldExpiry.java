package com.eventix.booking.control;

import com.eventix.booking.entity.Reservation;
import com.eventix.events.control.EventChanged;
import com.eventix.events.entity.TicketTier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Ends holds that ran out and gives their tickets back, exactly once: due holds are claimed with
 * FOR UPDATE SKIP LOCKED, so instances sweeping at the same time never take the same hold.
 */
@ApplicationScoped
public class HoldExpiry {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    jakarta.enterprise.event.Event<EventChanged> changed;

    /** Expires up to {@code batch} due holds; answers how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int expireDue(Instant now, int batch) {
        @SuppressWarnings("unchecked")
        List<Reservation> due = em.createNativeQuery("""
                        SELECT * FROM reservations WHERE status = 'ACTIVE' AND expires_at <= ?1
                        ORDER BY tier_id, expires_at LIMIT ?2 FOR UPDATE SKIP LOCKED""", Reservation.class)
                .setParameter(1, now.atOffset(ZoneOffset.UTC))
                .setParameter(2, batch)
                .getResultList();
        Set<UUID> events = new HashSet<>();
        for (Reservation hold : due) {
            int quantity = hold.expire(now);
            em.find(TicketTier.class, hold.tierId(), LockModeType.PESSIMISTIC_WRITE).giveBack(quantity, now);
            events.add(hold.eventId());
        }
        events.forEach(id -> changed.fire(new EventChanged(id)));
        return due.size();
    }
}
