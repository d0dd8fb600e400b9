package com.eventix.checkin.control;

import static com.eventix.platform.persistence.NativeRows.instant;
import static com.eventix.platform.persistence.NativeRows.number;
import static com.eventix.platform.persistence.NativeRows.uuid;

import com.eventix.events.control.Events;
import com.eventix.platform.api.Csv;
import com.eventix.platform.api.Page;
import com.eventix.tickets.entity.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The organizer's attendee list: every ticket of the event with its holder, tier, status and first admission,
 * by holder name, searchable by name or email. Reads tickets, users and tiers (lower features) without changing them.
 */
@ApplicationScoped
public class Attendees {
    private static final String FROM = " FROM tickets t JOIN users u ON u.id = t.owner_id "
            + "JOIN ticket_tiers tt ON tt.id = t.tier_id WHERE t.event_id = ?1 AND (?2 = '' OR "
            + "lower(u.first_name || ' ' || u.last_name) LIKE ?2 ESCAPE '\\' OR u.email LIKE ?2 ESCAPE '\\')";
    private static final String SELECT = "SELECT t.id, u.first_name, u.last_name, u.email, tt.id, tt.tier_name, "
            + "t.status, t.checked_in_at" + FROM + " ORDER BY u.last_name, u.first_name, t.id";

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Events events;

    public Page<AttendeeView> page(Events.Actor actor, UUID eventId, String q, int page, int size) {
        Page.checkRequest(page, size);
        events.owned(actor, eventId);
        String pattern = pattern(q);
        long total = number(em.createNativeQuery("SELECT count(*)" + FROM).setParameter(1, eventId)
                .setParameter(2, pattern).getSingleResult());
        List<AttendeeView> items = rows(em.createNativeQuery(SELECT + " LIMIT ?3 OFFSET ?4").setParameter(1, eventId)
                .setParameter(2, pattern).setParameter(3, size).setParameter(4, (page - 1) * size));
        return new Page<>(items, page, size, total);
    }

    /** Every attendee matching {@code q}, for an export. */
    public List<AttendeeView> all(Events.Actor actor, UUID eventId, String q) {
        events.owned(actor, eventId);
        return rows(em.createNativeQuery(SELECT).setParameter(1, eventId).setParameter(2, pattern(q)));
    }

    /** A case-insensitive substring match, with LIKE's own wildcards taken literally. */
    static String pattern(String q) {
        if (q == null || q.isBlank()) {
            return "";
        }
        String literal = q.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + literal + "%";
    }

    @SuppressWarnings("unchecked")
    private static List<AttendeeView> rows(Query query) {
        return ((List<Object[]>) query.getResultList()).stream()
                .map(r -> new AttendeeView(uuid(r[0]), (r[1] + " " + r[2]).trim(), (String) r[3], uuid(r[4]),
                        (String) r[5], Ticket.Status.valueOf((String) r[6]), instant(r[7])))
                .toList();
    }

    /** The attendees as CSV (RFC 4180), with a header line. */
    public static String csv(List<AttendeeView> attendees) {
        StringBuilder out = new StringBuilder("ticketId,holderName,email,tier,status,checkedInAt\r\n");
        for (AttendeeView a : attendees) {
            out.append(a.ticketId()).append(',').append(Csv.cell(a.holderName())).append(',').append(Csv.cell(a.email()))
                    .append(',').append(Csv.cell(a.tierName())).append(',').append(a.status()).append(',')
                    .append(a.checkedInAt() == null ? "" : a.checkedInAt().toString()).append("\r\n");
        }
        return out.toString();
    }

}
