package com.eventix.checkin.control;

import com.eventix.checkin.entity.CheckinList;
import com.eventix.events.control.EventPublished;
import com.eventix.events.control.Events;
import com.eventix.events.entity.Event;
import com.eventix.events.entity.TicketTier;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An event's check-in lists: its organizer creates, changes and deletes them; every event has its default list
 * "All tickets", made when the event is published (or on first need, for events published before check-in).
 */
@ApplicationScoped
public class CheckinLists {
    static final String RESOURCE = "checkin_list";

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Events events;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    /** The default list is made in the publishing transaction, so scanners find it from the first minute. */
    void onPublished(@Observes EventPublished published) {
        ensureDefault(published.eventId());
    }

    /** The event's lists, the default one first, then by creation. Creates the default list if it is missing. */
    @Transactional
    public List<CheckinList> of(Events.Actor actor, UUID eventId) {
        requireAtTheDoor(events.owned(actor, eventId));
        return all(eventId);
    }

    /**
     * Doors open once the event is published: check-in of a draft or an event under review is refused
     * (EVENT_NOT_PUBLISHED), which also keeps a draft free of rows that would stop its deletion.
     */
    public static Event requireAtTheDoor(Event event) {
        if (!event.isPublic()) {
            throw new ApiException(ErrorCode.EVENT_NOT_PUBLISHED, "Check-in opens once the event is published",
                    Map.of("eventStatus", event.status().name()));
        }
        return event;
    }

    @Transactional
    public List<CheckinList> all(UUID eventId) {
        ensureDefault(eventId);
        return em.createQuery("SELECT l FROM CheckinList l WHERE l.eventId = :event "
                        + "ORDER BY l.isDefault DESC, l.createdAt, l.id", CheckinList.class)
                .setParameter("event", eventId).getResultList();
    }

    @Transactional
    public CheckinList create(Events.Actor actor, UUID eventId, CheckinList.Settings settings) {
        requireAtTheDoor(events.owned(actor, eventId));
        requireTiersOf(eventId, settings);
        CheckinList list = CheckinList.create(eventId, settings, clock.instant());
        em.persist(list);
        audit.success(actor.userId(), "CHECKIN_LIST_CREATED", RESOURCE, list.id(), actor.origin(), list.name());
        return list;
    }

    @Transactional
    public CheckinList update(Events.Actor actor, UUID eventId, UUID listId, CheckinList.Settings settings) {
        requireAtTheDoor(events.owned(actor, eventId));
        CheckinList list = find(eventId, listId);
        requireTiersOf(eventId, settings);
        list.apply(settings, clock.instant());
        audit.success(actor.userId(), "CHECKIN_LIST_CHANGED", RESOURCE, list.id(), actor.origin(), list.name());
        return list;
    }

    /** Deletes a list nobody was scanned on yet (CHECKIN_LIST_IN_USE otherwise: it is the record of its scans). */
    @Transactional
    public void delete(Events.Actor actor, UUID eventId, UUID listId) {
        events.owned(actor, eventId);
        CheckinList list = find(eventId, listId);
        long scans = ((Number) em.createNativeQuery("SELECT count(*) FROM checkin_scans WHERE list_id = ?1")
                .setParameter(1, listId).getSingleResult()).longValue();
        if (scans > 0) {
            throw new ApiException(ErrorCode.CHECKIN_LIST_IN_USE, "Tickets were scanned on this list: it stays as "
                    + "their record", Map.of("scans", scans));
        }
        em.remove(list);
        audit.success(actor.userId(), "CHECKIN_LIST_DELETED", RESOURCE, listId, actor.origin(), list.name());
    }

    /** A list of the event; NOT_FOUND for a list of another event. */
    public CheckinList find(UUID eventId, UUID listId) {
        CheckinList list = em.find(CheckinList.class, listId);
        if (list == null || !list.eventId().equals(eventId)) {
            throw ApiException.notFound("Check-in list");
        }
        return list;
    }

    /** The event's default list, made now if it has none (two racing makers: the unique index keeps one). */
    @Transactional(Transactional.TxType.REQUIRED)
    public CheckinList defaultOf(UUID eventId) {
        ensureDefault(eventId);
        return em.createQuery("SELECT l FROM CheckinList l WHERE l.eventId = :event AND l.isDefault = true",
                CheckinList.class).setParameter("event", eventId).getSingleResult();
    }

    private void ensureDefault(UUID eventId) {
        CheckinList list = CheckinList.defaultOf(eventId, clock.instant());
        em.createNativeQuery("INSERT INTO checkin_lists (id, event_id, name, all_tiers, scans_exits, is_default, "
                        + "created_at, updated_at) VALUES (?1, ?2, ?3, true, false, true, ?4, ?4) ON CONFLICT DO NOTHING")
                .setParameter(1, list.id()).setParameter(2, eventId).setParameter(3, list.name())
                .setParameter(4, list.createdAt().atOffset(ZoneOffset.UTC)).executeUpdate();
    }

    private void requireTiersOf(UUID eventId, CheckinList.Settings settings) {
        if (settings.tierIds() == null || settings.tierIds().isEmpty()) {
            return;
        }
        Set<UUID> own = events.tiersOf(eventId).stream().map(TicketTier::id).collect(Collectors.toSet());
        List<String> foreign = settings.tierIds().stream().filter(id -> !own.contains(id)).map(UUID::toString).toList();
        if (!foreign.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Only the event's own tiers can be on its lists",
                    Map.of("tierIds", "not tiers of this event: " + String.join(", ", foreign)));
        }
    }
}
