package com.eventix.booking.control;

import com.eventix.booking.entity.Reservation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToIntFunction;

/**
 * Ends holds that ran out and gives their tickets back, exactly once: due holds are claimed with
 * FOR UPDATE SKIP LOCKED, so instances sweeping at the same time never take the same hold. A hold protected by a
 * payment in flight ({@link Orders#protectHolds}) is spared until its protection ends; after that it goes too, and
 * a payment that succeeds even later completes while stock remains or is refunded.
 */
@ApplicationScoped
public class HoldExpiry {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Inventory inventory;

    /** Expires up to {@code batch} due holds; answers how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int expireDue(Instant now, int batch) {
        @SuppressWarnings("unchecked")
        List<Reservation> due = em.createNativeQuery("""
                        SELECT * FROM reservations r WHERE r.status = 'ACTIVE' AND r.expires_at <= ?1
                        AND (r.protected_seconds IS NULL OR r.expires_at + make_interval(secs => r.protected_seconds) <= ?1)
                        ORDER BY r.tier_id, r.expires_at LIMIT ?2 FOR UPDATE SKIP LOCKED""", Reservation.class)
                .setParameter(1, now.atOffset(ZoneOffset.UTC))
                .setParameter(2, batch)
                .getResultList();
        giveBack(due, hold -> hold.expire(now), now);
        return due.size();
    }

    /**
     * Releases up to {@code batch} active holds of a cancelled event, claimed like due ones; answers how many.
     * Their orders then have no hold left, so their checkouts are closed by the next sweep.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int releaseOfEvent(UUID eventId, Instant now, int batch) {
        @SuppressWarnings("unchecked")
        List<Reservation> active = em.createNativeQuery("""
                        SELECT * FROM reservations r WHERE r.status = 'ACTIVE' AND r.event_id = ?1
                        ORDER BY r.tier_id LIMIT ?2 FOR UPDATE SKIP LOCKED""", Reservation.class)
                .setParameter(1, eventId).setParameter(2, batch).getResultList();
        giveBack(active, hold -> hold.release(now), now);
        return active.size();
    }

    /** Releases up to {@code batch} active holds of a banned user, claimed like due ones; answers how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int releaseOfUser(UUID userId, Instant now, int batch) {
        @SuppressWarnings("unchecked")
        List<Reservation> active = em.createNativeQuery("""
                        SELECT * FROM reservations r WHERE r.status = 'ACTIVE' AND r.user_id = ?1
                        ORDER BY r.tier_id LIMIT ?2 FOR UPDATE SKIP LOCKED""", Reservation.class)
                .setParameter(1, userId).setParameter(2, batch).getResultList();
        giveBack(active, hold -> hold.release(now), now);
        return active.size();
    }

    /** Ends the holds and gives their tickets back, all tiers at once. */
    private void giveBack(List<Reservation> holds, ToIntFunction<Reservation> end, Instant now) {
        Map<UUID, Integer> quantities = new HashMap<>();
        for (Reservation hold : holds) {
            quantities.merge(hold.tierId(), end.applyAsInt(hold), Integer::sum);
        }
        inventory.giveBack(quantities);
    }
}
