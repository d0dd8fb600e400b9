package com.eventix.checkin.control;

import static com.eventix.platform.persistence.NativeRows.instant;
import static com.eventix.platform.persistence.NativeRows.number;
import static com.eventix.platform.persistence.NativeRows.uuid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An event's door figures, computed from its scans (admissions count once per ADMITTED scan, exits once per
 * EXITED one) and, for what was sold, from its tickets (read only: they belong to tickets).
 */
@ApplicationScoped
public class CheckinStats {
    private static final String PASSED = "('ADMITTED', 'EXITED')";

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    CheckinLists lists;

    public CheckinStatsView of(UUID eventId) {
        lists.defaultOf(eventId);
        Object[] totals = (Object[]) em.createNativeQuery("SELECT count(*) FILTER (WHERE result = 'ADMITTED'), "
                + "count(*) FILTER (WHERE result = 'EXITED'), count(DISTINCT ticket_id) FILTER (WHERE result = 'ADMITTED'), "
                + "count(*) FILTER (WHERE result IN ('DUPLICATE', 'REVOKED_ADMITTED')), max(scanned_at) "
                + "FROM checkin_scans WHERE event_id = ?1").setParameter(1, eventId).getSingleResult();
        long entries = number(totals[0]);
        long exits = number(totals[1]);

        Map<UUID, Long> checkedInByTier = new HashMap<>();
        rows("SELECT t.tier_id, count(DISTINCT s.ticket_id) FROM checkin_scans s JOIN tickets t ON t.id = s.ticket_id "
                + "WHERE s.event_id = ?1 AND s.result = 'ADMITTED' GROUP BY t.tier_id", eventId)
                .forEach(r -> checkedInByTier.put(uuid(r[0]), number(r[1])));
        List<CheckinStatsView.TierFigures> tiers = rows("SELECT tt.id, tt.tier_name, count(t.id) FILTER (WHERE "
                + "t.status IN ('VALID', 'CHECKED_IN')) FROM ticket_tiers tt LEFT JOIN tickets t ON t.tier_id = tt.id "
                + "WHERE tt.event_id = ?1 GROUP BY tt.id, tt.tier_name ORDER BY tt.tier_name, tt.id", eventId).stream()
                .map(r -> new CheckinStatsView.TierFigures(uuid(r[0]), (String) r[1], number(r[2]),
                        checkedInByTier.getOrDefault(uuid(r[0]), 0L)))
                .toList();
        long sold = tiers.stream().mapToLong(CheckinStatsView.TierFigures::sold).sum();

        List<CheckinStatsView.ListFigures> byList = rows("SELECT l.id, l.name, count(DISTINCT s.ticket_id) FILTER "
                + "(WHERE s.result = 'ADMITTED'), count(s.id) FILTER (WHERE s.result = 'ADMITTED') - count(s.id) "
                + "FILTER (WHERE s.result = 'EXITED') FROM checkin_lists l LEFT JOIN checkin_scans s ON s.list_id = l.id "
                + "WHERE l.event_id = ?1 GROUP BY l.id, l.name, l.is_default, l.created_at "
                + "ORDER BY l.is_default DESC, l.created_at, l.id", eventId).stream()
                .map(r -> new CheckinStatsView.ListFigures(uuid(r[0]), (String) r[1], number(r[2]), number(r[3])))
                .toList();
        List<CheckinStatsView.GateFigures> byGate = rows("SELECT COALESCE(gate, ''), count(*) FILTER (WHERE "
                + "result = 'ADMITTED'), count(*) FILTER (WHERE result = 'EXITED') FROM checkin_scans WHERE "
                + "event_id = ?1 AND result IN " + PASSED + " GROUP BY 1 ORDER BY 1", eventId).stream()
                .map(r -> new CheckinStatsView.GateFigures((String) r[0], number(r[1]), number(r[2]))).toList();
        List<CheckinStatsView.Interval> intervals = rows("SELECT to_timestamp(floor(extract(epoch FROM scanned_at) "
                + "/ 300) * 300), count(*) FILTER (WHERE result = 'ADMITTED'), count(*) FILTER (WHERE result = "
                + "'EXITED') FROM checkin_scans WHERE event_id = ?1 AND result IN " + PASSED
                + " GROUP BY 1 ORDER BY 1", eventId).stream()
                .map(r -> new CheckinStatsView.Interval(instant(r[0]), number(r[1]), number(r[2]))).toList();
        List<CheckinStatsView.RefusalCount> refusals = rows("SELECT COALESCE(reason, result), count(*) FROM "
                + "checkin_scans WHERE event_id = ?1 AND result NOT IN " + PASSED
                + " AND result NOT IN ('DUPLICATE', 'REVOKED_ADMITTED') GROUP BY 1 ORDER BY 1", eventId).stream()
                .map(r -> new CheckinStatsView.RefusalCount((String) r[0], number(r[1]))).toList();

        return new CheckinStatsView(eventId, sold, number(totals[2]), entries - exits, entries, exits, tiers, byList,
                byGate, intervals, refusals, number(totals[3]), instant(totals[4]));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, UUID eventId) {
        return em.createNativeQuery(sql).setParameter(1, eventId).getResultList();
    }
}
