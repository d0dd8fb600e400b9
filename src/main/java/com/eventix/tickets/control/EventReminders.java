package com.eventix.tickets.control;

import com.eventix.events.entity.Event;
import com.eventix.identity.control.Users;
import com.eventix.notifications.control.NotificationPreferences;
import com.eventix.notifications.control.Notifications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reminds each holder of valid tickets of an event once, REMINDER_LEAD before it starts (an event published later
 * than that reminds its holders at once, until it starts). The reminder's row and its mail are written in one
 * transaction, and a row is only written where there is none, so instances sweeping at once remind each holder once.
 */
@ApplicationScoped
public class EventReminders {
    /** Holders reminded per transaction. */
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
    Clock clock;
    @Inject
    @ConfigProperty(name = "REMINDER_LEAD")
    Duration lead;

    /** Reminds up to {@link #BATCH} holders due now; answers how many. */
    @Transactional
    public int remindDue() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("""
                        INSERT INTO event_reminders (event_id, user_id, created_at)
                        SELECT h.event_id, h.owner_id, ?1 FROM (
                            SELECT t.event_id, t.owner_id, count(*) AS tickets FROM tickets t
                            JOIN events e ON e.id = t.event_id
                            WHERE e.status IN ('PUBLISHED', 'ACTIVE') AND e.start_time > ?1 AND e.start_time <= ?2
                              AND t.status IN ('VALID', 'CHECKED_IN')
                            GROUP BY t.event_id, t.owner_id) h
                        WHERE NOT EXISTS (SELECT 1 FROM event_reminders r
                                          WHERE r.event_id = h.event_id AND r.user_id = h.owner_id)
                        ORDER BY h.event_id, h.owner_id LIMIT ?3
                        ON CONFLICT DO NOTHING
                        RETURNING event_id, user_id""")
                .setParameter(1, now.atOffset(ZoneOffset.UTC)).setParameter(2, now.plus(lead).atOffset(ZoneOffset.UTC))
                .setParameter(3, BATCH).getResultList();
        for (Object[] row : due) {
            UUID eventId = uuid(row[0]);
            UUID userId = uuid(row[1]);
            Event event = em.find(Event.class, eventId);
            notifications.email(userId, users.get(userId).email(),
                    NotificationPreferences.Switchable.EVENT_REMINDER.name(),
                    "Reminder: " + event.title() + " starts soon", body(event));
        }
        return due.size();
    }

    private static String body(Event event) {
        ZoneId zone;
        try {
            zone = ZoneId.of(event.timezone());
        } catch (RuntimeException e) {
            zone = ZoneId.of("UTC");
        }
        return event.title() + " starts on " + WHEN.format(event.startTime().atZone(zone)) + " (" + zone.getId()
                + ") at " + event.location() + ".\n\nYour tickets are in the app under My tickets: show their QR codes "
                + "at the entrance.\n";
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }
}
