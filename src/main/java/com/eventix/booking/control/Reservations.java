package com.eventix.booking.control;

import com.eventix.booking.entity.Reservation;
import com.eventix.events.entity.Event;
import com.eventix.events.entity.TicketTier;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.redis.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holding tickets. Everything that can be checked without the tier lock is checked first; then {@link Inventory}
 * locks the tier row (SELECT ... FOR UPDATE) and takes the tickets, the hold is inserted, and the transaction
 * ends. That locked section is the throughput ceiling of a sold-out drop, so nothing else happens inside it.
 */
@ApplicationScoped
public class Reservations {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    RateLimiter rateLimiter;
    @Inject
    Clock clock;
    @Inject
    Inventory inventory;
    @Inject
    SoldOutTiers soldOut;
    @Inject
    @ConfigProperty(name = "HOLD_DURATION")
    Duration holdDuration;
    @Inject
    @ConfigProperty(name = "HOLDS_PER_USER_PER_EVENT")
    int holdsPerUserPerEvent;
    @Inject
    @ConfigProperty(name = "RATE_LIMIT_RESERVE_PER_USER")
    int reservePerUser;
    @Inject
    @ConfigProperty(name = "RATE_LIMIT_WINDOW")
    Duration window;

    /**
     * TICKET_NOT_AVAILABLE from memory, before any transaction, for a tier this instance has just seen sold out (a
     * sold-out storm costs no query); call it before {@link #reserve}, which decides everything else.
     */
    public void refuseIfSoldOut(UUID tierId, int quantity) {
        soldOut.refuseIfKnown(tierId, quantity);
    }

    @Transactional
    public Reservation reserve(UUID userId, UUID tierId, int quantity) {
        rateLimiter.acquire("reserve-user", userId.toString(), reservePerUser, window);
        Instant now = clock.instant();
        Object[] found = em.createQuery("SELECT t, e FROM TicketTier t, Event e WHERE t.id = :tier AND e.id = t.eventId",
                        Object[].class).setParameter("tier", tierId).getResultStream().findFirst()
                .orElseThrow(() -> ApiException.notFound("Ticket tier"));
        TicketTier offer = (TicketTier) found[0];
        Event event = (Event) found[1];
        if (!event.isListed() || !offer.onSale(event, now)) {
            throw new ApiException(ErrorCode.SALES_CLOSED, "Tickets of this tier are not on sale now",
                    Map.of("eventStatus", event.status().name()));
        }
        if (quantity > offer.maxPerOrder()) {
            throw new ApiException(ErrorCode.ORDER_LIMIT_EXCEEDED, "At most " + offer.maxPerOrder()
                    + " tickets of this tier per order", Map.of("maxPerOrder", offer.maxPerOrder()));
        }
        // Sold out as read without the lock: counts only grow back by releases, so the answer stands, and a
        // sold-out storm never queues for the tier lock nor writes to the database.
        soldOut.seen(offer);
        offer.requireAvailable(quantity);
        limitHolds(userId, event.id());

        // The hold is inserted after the lock: its foreign key to the tier takes a key-share lock on the tier row,
        // which FOR UPDATE waits for, so inserting first would make concurrent holds deadlock.
        TicketTier tier = inventory.take(Map.of(tierId, quantity)).get(tierId);
        Reservation hold = new Reservation(userId, event.id(), tierId, quantity, tier.price(), event.currency(), now,
                now.plus(holdDuration));
        em.persist(hold);
        return hold;
    }

    /** The owner's hold (someone else's is "not found": its existence is nobody else's business). */
    public Reservation ofUser(UUID userId, UUID reservationId) {
        Reservation hold = em.find(Reservation.class, reservationId);
        if (hold == null || !hold.userId().equals(userId)) {
            throw ApiException.notFound("Reservation");
        }
        return hold;
    }

    @Transactional
    public Reservation release(UUID userId, UUID reservationId) {
        Reservation hold = ofUser(userId, reservationId);
        em.lock(hold, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(hold);
        Instant now = clock.instant();
        inventory.giveBack(Map.of(hold.tierId(), hold.release(now)));
        return hold;
    }

    /**
     * A user holds at most a few reservations per event at once (scalpers would hold many). A per-user advisory
     * lock makes the count exact even when one user fires requests in parallel.
     */
    private void limitHolds(UUID userId, UUID eventId) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "holds:" + userId + ":" + eventId).getSingleResult();
        long active = em.createQuery("SELECT COUNT(r) FROM Reservation r WHERE r.userId = :user AND r.eventId = :event "
                        + "AND r.status = :active", Long.class)
                .setParameter("user", userId).setParameter("event", eventId)
                .setParameter("active", Reservation.Status.ACTIVE).getSingleResult();
        if (active >= holdsPerUserPerEvent) {
            throw new ApiException(ErrorCode.HOLD_LIMIT_EXCEEDED, "You already hold " + active
                    + " reservations for this event; complete or release one first",
                    Map.of("activeHolds", active, "limit", holdsPerUserPerEvent));
        }
    }
}
