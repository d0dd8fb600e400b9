package com.eventix.booking.control;

import com.eventix.booking.entity.Reservation;
import com.eventix.events.entity.Event;
import com.eventix.events.entity.TicketTier;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.persistence.AdvisoryLocks;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holding tickets. Everything that can be checked without the tier lock is checked first; then {@link Inventory}
 * locks the tier row (SELECT ... FOR UPDATE) and takes the tickets, the hold is inserted, and the transaction
 * ends. That locked section is the throughput ceiling of a sold-out drop, so nothing else happens inside it, and
 * concurrent holds of a tier share it: {@link HoldCombiner} has them decided together by {@link #reserveTogether}.
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
        countAttempt(userId);
        return reserveCounted(userId, tierId, quantity);
    }

    /** Counts a reservation attempt against the user's rate limit (RATE_LIMIT_EXCEEDED beyond it). */
    public void countAttempt(UUID userId) {
        rateLimiter.acquire("reserve-user", userId.toString(), reservePerUser, window);
    }

    /** {@link #reserve} of an attempt already counted. */
    @Transactional
    public Reservation reserveCounted(UUID userId, UUID tierId, int quantity) {
        Instant now = clock.instant();
        Offer offer = offer(tierId, now);
        offer.requireWithinLimit(quantity);
        // Sold out as read without the lock: counts only grow back by releases, so the answer stands, and a
        // sold-out storm never queues for the tier lock nor writes to the database.
        soldOut.seen(offer.tier());
        offer.tier().requireAvailable(quantity);
        limitHolds(userId, offer.event().id());

        // The hold is inserted after the lock: its foreign key to the tier takes a key-share lock on the tier row,
        // which FOR UPDATE waits for, so inserting first would make concurrent holds deadlock.
        TicketTier tier = inventory.take(Map.of(tierId, quantity)).get(tierId);
        Reservation hold = new Reservation(userId, offer.event().id(), tierId, quantity, tier.price(),
                offer.event().currency(), now, now.plus(holdDuration));
        em.persist(hold);
        return hold;
    }

    /**
     * Decides holds of one tier together, in one transaction and under one lock of the tier, in the order given
     * (attempts already counted): each is checked as {@link #reserveCounted} checks one, with the same answers, and
     * the tickets of those granted are taken at once. Answers each request's hold or refusal.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Decided> reserveTogether(UUID tierId, List<Wanted> requests) {
        Instant now = clock.instant();
        Offer offer;
        try {
            offer = offer(tierId, now);
        } catch (ApiException refused) {
            return requests.stream().map(r -> Decided.refused(refused)).toList();
        }
        soldOut.seen(offer.tier());
        UUID eventId = offer.event().id();
        Decided[] decided = new Decided[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            try {
                offer.requireWithinLimit(requests.get(i).quantity());
                offer.tier().requireAvailable(requests.get(i).quantity());
            } catch (ApiException refused) {
                decided[i] = Decided.refused(refused);
            }
        }
        Map<UUID, Long> active = activeHolds(requests, decided, eventId);
        List<Integer> wanted = new ArrayList<>();
        List<Integer> asked = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (decided[i] != null) {
                continue;
            }
            UUID user = requests.get(i).userId();
            long held = active.getOrDefault(user, 0L);
            if (held >= holdsPerUserPerEvent) {
                decided[i] = Decided.refused(holdLimit(held));
                continue;
            }
            active.put(user, held + 1);
            wanted.add(i);
            asked.add(requests.get(i).quantity());
        }
        if (!wanted.isEmpty()) {
            Inventory.Taken taken = inventory.takeInTurn(tierId, asked);
            for (int n = 0; n < wanted.size(); n++) {
                int i = wanted.get(n);
                Wanted request = requests.get(i);
                if (taken.granted()[n]) {
                    Reservation hold = new Reservation(request.userId(), eventId, tierId, request.quantity(),
                            taken.tier().price(), offer.event().currency(), now, now.plus(holdDuration));
                    em.persist(hold);
                    decided[i] = Decided.held(hold);
                } else {
                    decided[i] = Decided.refused(TicketTier.notAvailable(taken.remainingWhenRefused()[n],
                            request.quantity()));
                }
            }
        }
        return List.of(decided);
    }

    /** A hold asked for: who, and how many tickets. */
    public record Wanted(UUID userId, int quantity) {
    }

    /** A request decided: its hold, or why not. */
    public record Decided(Reservation hold, ApiException refusal) {
        public static Decided held(Reservation hold) {
            return new Decided(hold, null);
        }

        public static Decided refused(ApiException refusal) {
            return new Decided(null, refusal);
        }
    }

    /** A tier with its event, read without a lock, on sale now (NOT_FOUND, SALES_CLOSED otherwise). */
    private record Offer(TicketTier tier, Event event) {
        void requireWithinLimit(int quantity) {
            if (quantity > tier.maxPerOrder()) {
                throw new ApiException(ErrorCode.ORDER_LIMIT_EXCEEDED, "At most " + tier.maxPerOrder()
                        + " tickets of this tier per order", Map.of("maxPerOrder", tier.maxPerOrder()));
            }
        }
    }

    private Offer offer(UUID tierId, Instant now) {
        Object[] found = em.createQuery("SELECT t, e FROM TicketTier t, Event e WHERE t.id = :tier AND e.id = t.eventId",
                        Object[].class).setParameter("tier", tierId).getResultStream().findFirst()
                .orElseThrow(() -> ApiException.notFound("Ticket tier"));
        TicketTier tier = (TicketTier) found[0];
        Event event = (Event) found[1];
        if (!event.isListed() || !tier.onSale(event, now)) {
            throw new ApiException(ErrorCode.SALES_CLOSED, "Tickets of this tier are not on sale now",
                    Map.of("eventStatus", event.status().name()));
        }
        return new Offer(tier, event);
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
        AdvisoryLocks.lock(em, holdsLockKey(userId, eventId));
        long active = em.createQuery("SELECT COUNT(r) FROM Reservation r WHERE r.userId = :user AND r.eventId = :event "
                        + "AND r.status = :active", Long.class)
                .setParameter("user", userId).setParameter("event", eventId)
                .setParameter("active", Reservation.Status.ACTIVE).getSingleResult();
        if (active >= holdsPerUserPerEvent) {
            throw holdLimit(active);
        }
    }

    /**
     * The active holds of the event by each user still in the running, under the same per-user locks as
     * {@link #limitHolds}, taken together.
     */
    private Map<UUID, Long> activeHolds(List<Wanted> requests, Decided[] decided, UUID eventId) {
        List<String> keys = new ArrayList<>();
        Set<UUID> users = new java.util.HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            if (decided[i] == null) {
                users.add(requests.get(i).userId());
                keys.add(holdsLockKey(requests.get(i).userId(), eventId));
            }
        }
        if (users.isEmpty()) {
            return new HashMap<>();
        }
        AdvisoryLocks.lockAll(em, keys);
        Map<UUID, Long> active = new HashMap<>();
        em.createQuery("SELECT r.userId, COUNT(r) FROM Reservation r WHERE r.userId IN :users AND r.eventId = :event "
                        + "AND r.status = :active GROUP BY r.userId", Object[].class)
                .setParameter("users", users).setParameter("event", eventId)
                .setParameter("active", Reservation.Status.ACTIVE).getResultList()
                .forEach(row -> active.put((UUID) row[0], (Long) row[1]));
        return active;
    }

    private static String holdsLockKey(UUID userId, UUID eventId) {
        return "holds:" + userId + ":" + eventId;
    }

    private ApiException holdLimit(long active) {
        return new ApiException(ErrorCode.HOLD_LIMIT_EXCEEDED, "You already hold " + active
                + " reservations for this event; complete or release one first",
                Map.of("activeHolds", active, "limit", holdsPerUserPerEvent));
    }
}
