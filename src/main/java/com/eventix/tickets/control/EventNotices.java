package com.eventix.tickets.control;

import com.eventix.events.control.EventRescheduled;
import com.eventix.events.control.Events;
import com.eventix.events.entity.Event;
import com.eventix.identity.control.Users;
import com.eventix.notifications.control.Notifications;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.api.Page;
import com.eventix.platform.api.RateLimitedException;
import com.eventix.platform.audit.AuditLog;
import com.eventix.platform.persistence.Paging;
import com.eventix.tickets.entity.EventNotice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What an event's ticket holders are told (reminders the day before, changes of time or place, organizers'
 * announcements) and its delivery. A notice is one row, written where it is decided; {@link #deliverNext} mails it
 * to the holders of valid tickets in batches, one instance at a time per notice (its row is locked, others skip it),
 * each holder once (a delivery row per holder, written with the mail in one transaction), and completes it when
 * nobody is left (a reminder when its event starts: who buys in the last day is reminded too).
 */
@ApplicationScoped
public class EventNotices {
    /** Holders told per transaction. */
    public static final int BATCH = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm",
            Locale.ENGLISH);

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Notifications notifications;
    @Inject
    Users users;
    @Inject
    Events events;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "REMINDER_LEAD")
    Duration reminderLead;
    @Inject
    @ConfigProperty(name = "ANNOUNCEMENTS_PER_DAY")
    int announcementsPerDay;

    /**
     * Writes the reminder of each event on sale that starts within REMINDER_LEAD and has none yet, and completes those
     * of events that started or are no longer on sale.
     */
    @Transactional
    public int remindDue() {
        Instant now = clock.instant();
        em.createNativeQuery("UPDATE event_notices n SET completed_at = ?1 FROM events e WHERE e.id = n.event_id "
                        + "AND n.kind = 'REMINDER' AND n.completed_at IS NULL "
                        + "AND (e.start_time <= ?1 OR e.status NOT IN ('PUBLISHED', 'ACTIVE'))")
                .setParameter(1, now.atOffset(ZoneOffset.UTC)).executeUpdate();
        List<Event> due = em.createQuery("SELECT e FROM Event e WHERE e.status IN :onSale AND e.startTime > :now "
                        + "AND e.startTime <= :until AND NOT EXISTS (SELECT n FROM EventNotice n WHERE n.eventId = e.id "
                        + "AND n.kind = :reminder) ORDER BY e.startTime, e.id", Event.class)
                .setParameter("onSale", List.of(Event.Status.PUBLISHED, Event.Status.ACTIVE))
                .setParameter("now", now).setParameter("until", now.plus(reminderLead))
                .setParameter("reminder", EventNotice.Kind.REMINDER).setMaxResults(BATCH).getResultList();
        int written = 0;
        for (Event event : due) {
            EventNotice notice = new EventNotice(event.id(), EventNotice.Kind.REMINDER, "Reminder: " + event.title()
                    + " starts soon", event.title() + " starts on " + when(event, event.startTime()) + " at "
                    + event.location() + ".\n\nYour tickets are in the app under My tickets: show their QR codes at "
                    + "the entrance.\n", null, now);
            // One reminder per event, whichever instance writes it first (a unique index).
            written += em.createNativeQuery("INSERT INTO event_notices (id, event_id, kind, subject, body, created_at) "
                            + "VALUES (?1, ?2, 'REMINDER', ?3, ?4, ?5) ON CONFLICT DO NOTHING")
                    .setParameter(1, notice.id()).setParameter(2, notice.eventId()).setParameter(3, notice.subject())
                    .setParameter(4, notice.body()).setParameter(5, now.atOffset(ZoneOffset.UTC)).executeUpdate();
        }
        return written;
    }

    /** The event's holders are told of its new time or place, in the editing transaction. */
    void onRescheduled(@Observes EventRescheduled change) {
        Event event = em.find(Event.class, change.eventId());
        em.persist(new EventNotice(event.id(), EventNotice.Kind.CHANGE, event.title() + " has changed",
                event.title() + " now starts on " + when(event, event.startTime()) + " at " + event.location()
                        + " (it was to start on " + when(event, change.previousStart()) + " at "
                        + change.previousLocation() + ").\n\nYour tickets stay valid.\n", null, clock.instant()));
    }

    /**
     * The organizer's message to the event's ticket holders, mailed to them shortly. At most ANNOUNCEMENTS_PER_DAY
     * per event in any 24 hours (RATE_LIMITED with Retry-After); only while the event is on sale (EVENT_NOT_PUBLISHED).
     */
    @Transactional
    public EventNotice announce(Events.Actor actor, UUID eventId, String subject, String message) {
        Event event = events.owned(actor, eventId);
        if (event.status() != Event.Status.PUBLISHED && event.status() != Event.Status.ACTIVE) {
            throw new ApiException(ErrorCode.EVENT_NOT_PUBLISHED, "Announcements go to the holders of an event on sale",
                    Map.of("eventStatus", event.status().name()));
        }
        // One announcement of an event at a time, so that two at once cannot both pass the limit.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "announce:" + eventId).getSingleResult();
        Instant now = clock.instant();
        List<Instant> recent = em.createQuery("SELECT n.createdAt FROM EventNotice n WHERE n.eventId = :event "
                        + "AND n.kind = :kind AND n.createdAt > :since ORDER BY n.createdAt", Instant.class)
                .setParameter("event", eventId).setParameter("kind", EventNotice.Kind.ANNOUNCEMENT)
                .setParameter("since", now.minus(Duration.ofDays(1))).getResultList();
        if (recent.size() >= announcementsPerDay) {
            long wait = Duration.between(now, recent.get(0).plus(Duration.ofDays(1))).toSeconds() + 1;
            throw new RateLimitedException(Math.max(1, wait));
        }
        EventNotice notice = new EventNotice(eventId, EventNotice.Kind.ANNOUNCEMENT, subject.strip(),
                message.strip() + "\n\n(" + event.title() + ", " + when(event, event.startTime()) + ")\n",
                actor.userId(), now);
        em.persist(notice);
        audit.success(actor.userId(), "EVENT_ANNOUNCED", "event", eventId, actor.origin(), subject.strip());
        return notice;
    }

    /** The event's announcements, newest first (its organizer). */
    public Page<NoticeView> announcements(Events.Actor actor, UUID eventId, int page, int size) {
        events.owned(actor, eventId);
        return notices(eventId, EventNotice.Kind.ANNOUNCEMENT, page, size);
    }

    /** Notices of every event or one, of every kind or one, newest first (admins). */
    public Page<NoticeView> notices(UUID eventId, EventNotice.Kind kind, int page, int size) {
        Page.checkRequest(page, size);
        Paging<EventNotice> notices = Paging.of(em, EventNotice.class, "n");
        if (eventId != null) {
            notices.where("n.eventId = :event", "event", eventId);
        }
        if (kind != null) {
            notices.where("n.kind = :kind", "kind", kind);
        }
        return notices.page("n.createdAt DESC, n.id", page, size).map(n -> NoticeView.of(n, told(n.id())));
    }

    private long told(UUID noticeId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM event_notice_deliveries WHERE notice_id = ?1")
                .setParameter(1, noticeId).getSingleResult()).longValue();
    }

    /**
     * Mails the oldest open notice no other instance is working on to up to {@link #BATCH} of its holders not told
     * yet, and completes it when that was the last of them; answers whether there was such a notice.
     */
    @Transactional
    public boolean deliverNext() {
        // A reminder stays open until its event starts, for holders who buy in its last day; it is only picked when
        // one of them has not been told yet, so that it does not keep other notices waiting.
        @SuppressWarnings("unchecked")
        List<EventNotice> open = em.createNativeQuery("""
                        SELECT n.* FROM event_notices n WHERE n.completed_at IS NULL
                        AND (n.kind <> 'REMINDER' OR EXISTS (
                            SELECT 1 FROM tickets t WHERE t.event_id = n.event_id AND t.status IN ('VALID', 'CHECKED_IN')
                            AND NOT EXISTS (SELECT 1 FROM event_notice_deliveries d
                                            WHERE d.notice_id = n.id AND d.user_id = t.owner_id)))
                        ORDER BY n.created_at, n.id LIMIT 1 FOR UPDATE OF n SKIP LOCKED""", EventNotice.class)
                .getResultList();
        if (open.isEmpty()) {
            return false;
        }
        EventNotice notice = open.get(0);
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object> holders = em.createNativeQuery("""
                        INSERT INTO event_notice_deliveries (notice_id, user_id, created_at)
                        SELECT ?1, h.owner_id, ?3 FROM (SELECT DISTINCT t.owner_id FROM tickets t
                                                       WHERE t.event_id = ?2 AND t.status IN ('VALID', 'CHECKED_IN')) h
                        WHERE NOT EXISTS (SELECT 1 FROM event_notice_deliveries d
                                          WHERE d.notice_id = ?1 AND d.user_id = h.owner_id)
                        ORDER BY h.owner_id LIMIT ?4
                        RETURNING user_id""")
                .setParameter(1, notice.id()).setParameter(2, notice.eventId())
                .setParameter(3, now.atOffset(ZoneOffset.UTC)).setParameter(4, BATCH).getResultList();
        for (Object holder : holders) {
            UUID userId = holder instanceof UUID id ? id : UUID.fromString(holder.toString());
            notifications.email(userId, users.get(userId).email(), notice.kind().notificationType(), notice.subject(),
                    notice.body());
        }
        if (holders.size() < BATCH && notice.kind() != EventNotice.Kind.REMINDER) {
            notice.complete(now);
        }
        return true;
    }

    private static String when(Event event, Instant at) {
        return WHEN.format(at.atZone(event.zone())) + " (" + event.zone().getId() + ")";
    }
}
