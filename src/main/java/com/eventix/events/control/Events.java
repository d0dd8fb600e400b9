package com.eventix.events.control;

import com.eventix.events.entity.Event;
import com.eventix.events.entity.RefundPolicy;
import com.eventix.events.entity.TicketTier;
import com.eventix.notifications.control.Notifications;
import com.eventix.organizers.control.Organizers;
import com.eventix.organizers.entity.Organizer;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.api.Page;
import com.eventix.platform.audit.AuditLog;
import com.eventix.platform.audit.RequestOrigin;
import com.eventix.platform.persistence.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Organizers' and admins' commands on events: create, edit, delete, submit, approve, reject, cancel. Every
 * state change is an entity method, is audited, and tells listings that the event changed.
 */
@ApplicationScoped
public class Events {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Organizers organizers;
    @Inject
    Notifications notifications;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    jakarta.enterprise.event.Event<EventChanged> changed;
    @Inject
    jakarta.enterprise.event.Event<EventCancelled> cancelled;
    @Inject
    jakarta.enterprise.event.Event<EventPublished> published;
    @Inject
    jakarta.enterprise.event.Event<EventRescheduled> rescheduled;

    /** Who acts: a user, and whether they act as an admin. */
    public record Actor(UUID userId, boolean admin, RequestOrigin origin) {
    }

    @Transactional
    public Event create(Actor actor, Event.Details details) {
        Organizer organizer = organizers.verifiedOf(actor.userId());
        Event event = Event.draft(organizer.id(), details, clock.instant());
        em.persist(event);
        audit.success(actor.userId(), "EVENT_CREATED", "event", event.id(), actor.origin(), event.title());
        return event;
    }

    @Transactional
    public Event update(Actor actor, UUID eventId, Event.Details details) {
        Event event = owned(actor, eventId);
        List<TicketTier> tiers = tiersOf(eventId);
        int committed = tiers.stream().mapToInt(TicketTier::committed).sum();
        Instant start = event.startTime();
        Instant end = event.endTime();
        String location = event.location();
        event.edit(details, committed, clock.instant());
        Tiers.checkVenueCapacity(event, tiers.stream().mapToInt(TicketTier::totalQuantity).sum());
        audit.success(actor.userId(), "EVENT_UPDATED", "event", eventId, actor.origin(), null);
        changed.fire(EventChanged.details(eventId));
        if (event.isPublic() && (!start.equals(event.startTime()) || !end.equals(event.endTime())
                || !location.equals(event.location()))) {
            rescheduled.fire(new EventRescheduled(eventId, start, location));
        }
        return event;
    }

    @Transactional
    public void delete(Actor actor, UUID eventId) {
        Event event = owned(actor, eventId);
        event.checkDeletable();
        for (TicketTier tier : tiersOf(eventId)) {
            tier.checkDeletable();
            em.remove(tier);
        }
        em.flush();
        em.remove(event);
        audit.success(actor.userId(), "EVENT_DELETED", "event", eventId, actor.origin(), event.title());
    }

    @Transactional
    public Event submit(Actor actor, UUID eventId) {
        Event event = owned(actor, eventId);
        organizers.verifiedOf(actor.userId());
        event.submit(tiersOf(eventId).size(), clock.instant());
        audit.success(actor.userId(), "EVENT_SUBMITTED", "event", eventId, actor.origin(), null);
        return event;
    }

    @Transactional
    public Event approve(Actor admin, UUID eventId) {
        Event event = locked(eventId);
        event.approve(clock.instant());
        audit.success(admin.userId(), "EVENT_APPROVED", "event", eventId, admin.origin(), null);
        published.fire(new EventPublished(eventId));
        changed.fire(EventChanged.details(eventId));
        return event;
    }

    @Transactional
    public Event reject(Actor admin, UUID eventId, String reason) {
        Event event = locked(eventId);
        event.reject(reason, clock.instant());
        audit.success(admin.userId(), "EVENT_REJECTED", "event", eventId, admin.origin(), reason);
        return event;
    }

    /** The organizer or an admin cancels a published event. */
    @Transactional
    public Event cancel(Actor actor, UUID eventId, String reason) {
        Event event = actor.admin() ? locked(eventId) : owned(actor, eventId);
        em.lock(event, LockModeType.PESSIMISTIC_WRITE);
        event.cancel(reason, clock.instant());
        audit.success(actor.userId(), "EVENT_CANCELLED", "event", eventId, actor.origin(), reason);
        cancelled.fire(new EventCancelled(eventId, reason, actor.userId()));
        changed.fire(EventChanged.details(eventId));
        return event;
    }

    /**
     * An admin takes a published or running event off sale and out of the listings, saying why; its organizer is
     * told. Holds and orders already made stay; a payment completing for it now is refunded (it is not on sale).
     */
    @Transactional
    public Event suspend(Actor admin, UUID eventId, String reason) {
        Event event = locked(eventId);
        event.suspend(reason, clock.instant());
        audit.success(admin.userId(), "EVENT_SUSPENDED", "event", eventId, admin.origin(), reason);
        tellOrganizer(event, "Your event " + event.title() + " is suspended", "An admin took \"" + event.title()
                + "\" off sale and out of the listings: " + reason + "\n\nTickets already sold stay valid. Reply to "
                + "this message to ask for it to be reinstated.");
        changed.fire(EventChanged.details(eventId));
        return event;
    }

    /** An admin puts a suspended event back on sale and in the listings; its organizer is told. */
    @Transactional
    public Event reinstate(Actor admin, UUID eventId) {
        Event event = locked(eventId);
        event.reinstate(clock.instant());
        audit.success(admin.userId(), "EVENT_REINSTATED", "event", eventId, admin.origin(), null);
        tellOrganizer(event, "Your event " + event.title() + " is reinstated", "\"" + event.title()
                + "\" is listed and on sale again.");
        changed.fire(EventChanged.details(eventId));
        return event;
    }

    private void tellOrganizer(Event event, String subject, String text) {
        Organizer organizer = organizers.get(event.organizerId());
        notifications.email(organizer.userId(), organizer.contactEmail(), "EVENT_MODERATED", subject, text + "\n");
    }

    /** The owner sets the event's refund policy; buyers see it on the event page. */
    @Transactional
    public Event refundPolicy(Actor actor, UUID eventId, RefundPolicy.Mode mode, int deadlineHours,
                              java.math.BigDecimal feePercent, java.math.BigDecimal feeFixed) {
        Event event = owned(actor, eventId);
        em.lock(event, LockModeType.PESSIMISTIC_WRITE);
        RefundPolicy policy = RefundPolicy.of(mode, deadlineHours, feePercent, feeFixed, event.currencyUnit());
        event.refundPolicy(policy, clock.instant());
        audit.success(actor.userId(), "EVENT_REFUND_POLICY_CHANGED", "event", eventId, actor.origin(),
                mode + ", " + deadlineHours + "h before start, fee " + policy.feePercent() + "% + " + policy.feeFixed());
        changed.fire(EventChanged.details(eventId));
        return event;
    }

    /** Shows a stored banner on the owner's event; answers the key of the banner it replaces. */
    @Transactional
    public String showBanner(Actor actor, UUID eventId, String url, String key) {
        Event event = owned(actor, eventId);
        em.lock(event, LockModeType.PESSIMISTIC_WRITE);
        String previous = event.banner(url, key, clock.instant());
        audit.success(actor.userId(), "EVENT_BANNER_CHANGED", "event", eventId, actor.origin(), key);
        changed.fire(EventChanged.details(eventId));
        return previous;
    }

    /** Any event, for whoever may see it: public ones for everybody, the others for their organizer and admins. */
    public Event visible(UUID eventId, UUID userId, boolean admin) {
        Event event = find(eventId);
        if (event.isPublic() || admin || (userId != null && isOwner(event, userId))) {
            return event;
        }
        throw ApiException.notFound("Event");
    }

    /**
     * The event, if the actor's organizer profile owns it. Someone else gets 404 for an event they cannot see,
     * 403 for a public one.
     */
    public Event owned(Actor actor, UUID eventId) {
        Event event = find(eventId);
        if (!isOwner(event, actor.userId())) {
            if (event.isPublic()) {
                throw new ApiException(ErrorCode.FORBIDDEN, "This event belongs to another organizer");
            }
            throw ApiException.notFound("Event");
        }
        return event;
    }

    public Page<Event> ofOrganizer(UUID userId, int page, int size) {
        Organizer organizer = organizers.mine(userId);
        return Paging.of(em, Event.class, "e").where("e.organizerId = :organizer", "organizer", organizer.id())
                .page("e.startTime DESC, e.id", page, size);
    }

    /**
     * Completed events that ended in [from, to), oldest first, a page at a time: those after {@code after} (null for
     * the first page) in that order. Payouts walks them all, so none is starved by older ones.
     */
    public List<Event> completedBetween(Instant from, Instant to, Event after, int limit) {
        String next = after == null ? "" : " AND (e.endTime > :afterEnd OR (e.endTime = :afterEnd AND e.id > :afterId))";
        var query = em.createQuery("SELECT e FROM Event e WHERE e.status = :status AND e.endTime >= :from "
                        + "AND e.endTime < :to" + next + " ORDER BY e.endTime, e.id", Event.class)
                .setParameter("status", Event.Status.COMPLETED).setParameter("from", from).setParameter("to", to);
        if (after != null) {
            query.setParameter("afterEnd", after.endTime()).setParameter("afterId", after.id());
        }
        return query.setMaxResults(limit).getResultList();
    }

    /** Every event of one organizer, soonest first. */
    public List<Event> allOfOrganizer(UUID organizerId) {
        return em.createQuery("SELECT e FROM Event e WHERE e.organizerId = :organizer ORDER BY e.startTime, e.id",
                Event.class).setParameter("organizer", organizerId).getResultList();
    }

    /** Events waiting in a status (admin moderation), oldest first. */
    public Page<Event> inStatus(Event.Status status, int page, int size) {
        return Paging.of(em, Event.class, "e").where("e.status = :status", "status", status)
                .page("e.updatedAt, e.id", page, size);
    }

    public List<TicketTier> tiersOf(UUID eventId) {
        return em.createQuery("SELECT t FROM TicketTier t WHERE t.eventId = :event ORDER BY t.price, t.tierName, t.id",
                TicketTier.class).setParameter("event", eventId).getResultList();
    }

    private boolean isOwner(Event event, UUID userId) {
        return organizers.ofUser(userId).map(o -> o.id().equals(event.organizerId())).orElse(false);
    }

    Event find(UUID eventId) {
        Event event = em.find(Event.class, eventId);
        if (event == null) {
            throw ApiException.notFound("Event");
        }
        return event;
    }

    private Event locked(UUID eventId) {
        Event event = em.find(Event.class, eventId, LockModeType.PESSIMISTIC_WRITE);
        if (event == null) {
            throw ApiException.notFound("Event");
        }
        return event;
    }
}
