package com.eventix.events.control;

import com.eventix.events.entity.Event;
import com.eventix.events.entity.TicketTier;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Ticket tiers of an event: their sizes against the venue, and the event's price range kept up to date. */
@ApplicationScoped
public class Tiers {
    @Inject
    TierLock tierLock;
    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Events events;
    @Inject
    Clock clock;
    @Inject
    jakarta.enterprise.event.Event<EventChanged> changed;

    @Transactional
    public TicketTier create(Events.Actor actor, UUID eventId, TicketTier.Spec spec) {
        Event event = lockedOwned(actor, eventId);
        event.checkTiersEditable();
        checkNameFree(eventId, spec.name(), null);
        TicketTier tier = TicketTier.create(event, spec, clock.instant());
        em.persist(tier);
        afterChange(event);
        return tier;
    }

    @Transactional
    public TicketTier update(Events.Actor actor, UUID eventId, UUID tierId, TicketTier.Spec spec) {
        Event event = lockedOwned(actor, eventId);
        event.checkTiersEditable();
        TicketTier tier = tier(eventId, tierId);
        checkNameFree(eventId, spec.name(), tierId);
        tier.update(event, spec, clock.instant());
        afterChange(event);
        return tier;
    }

    @Transactional
    public void delete(Events.Actor actor, UUID eventId, UUID tierId) {
        Event event = lockedOwned(actor, eventId);
        event.checkTiersEditable();
        TicketTier tier = tier(eventId, tierId);
        tier.checkDeletable();
        em.remove(tier);
        afterChange(event);
    }

    /** Tier names are unique within an event (checked under the event lock, so two requests cannot both pass). */
    private void checkNameFree(UUID eventId, String name, UUID except) {
        boolean taken = events.tiersOf(eventId).stream()
                .anyMatch(t -> t.tierName().equalsIgnoreCase(name.trim()) && !t.id().equals(except));
        if (taken) {
            throw new ApiException(ErrorCode.TIER_NAME_TAKEN, "This event already has a tier named " + name.trim(),
                    Map.of("tierName", name.trim()));
        }
    }

    /** All tiers together must fit in the venue, when the event has a capacity. */
    static void checkVenueCapacity(Event event, int tiersTotal) {
        if (event.venueCapacity() != null && tiersTotal > event.venueCapacity()) {
            throw new ApiException(ErrorCode.VENUE_CAPACITY_EXCEEDED, "The tiers hold " + tiersTotal
                    + " tickets but the venue holds " + event.venueCapacity(),
                    Map.of("tiersTotal", tiersTotal, "venueCapacity", event.venueCapacity()));
        }
    }

    /** The tier, locked: its inventory row is what reservations contend for. */
    private TicketTier tier(UUID eventId, UUID tierId) {
        TicketTier tier = tierLock.lockForChange(tierId);
        if (tier == null || !tier.eventId().equals(eventId)) {
            throw ApiException.notFound("Ticket tier");
        }
        return tier;
    }

    /** The event locked, so concurrent tier changes are checked against the venue one after the other. */
    private Event lockedOwned(Events.Actor actor, UUID eventId) {
        Event event = events.owned(actor, eventId);
        em.lock(event, LockModeType.PESSIMISTIC_WRITE);
        return event;
    }

    private void afterChange(Event event) {
        em.flush();
        List<TicketTier> tiers = events.tiersOf(event.id());
        checkVenueCapacity(event, tiers.stream().mapToInt(TicketTier::totalQuantity).sum());
        event.priceRange(tiers.stream().map(TicketTier::price).min(Comparator.naturalOrder()).orElse(null),
                tiers.stream().map(TicketTier::price).max(Comparator.naturalOrder()).orElse(null), clock.instant());
        changed.fire(EventChanged.details(event.id()));
    }
}
