package com.eventix.analytics.control;

import com.eventix.events.control.Events;
import com.eventix.events.entity.Event;
import com.eventix.organizers.control.Organizers;
import com.eventix.organizers.entity.Organizer;
import com.eventix.payments.entity.LedgerEntry;
import com.eventix.payments.entity.LedgerEntry.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Computes sales reports from the rows that record the sales: tickets (sold, refunded, cancelled, checked in),
 * holds and their orders (the funnel), order lines (what each tier's tickets cost) and the ledger (money). Everything
 * is read in one read-only transaction, so the figures of one report agree with each other.
 */
@ApplicationScoped
public class SalesAnalytics {
    private static final int RATE_SCALE = 4;

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Events events;
    @Inject
    Organizers organizers;
    @Inject
    Clock clock;

    /** One of the actor's events (NOT_FOUND, FORBIDDEN otherwise); days are the event's unless {@code tz} says. */
    @Transactional
    public SalesReport ofEvent(Events.Actor actor, UUID eventId, String from, String to, String tz) {
        Event event = events.owned(actor, eventId);
        Instant now = clock.instant();
        ReportPeriod period = ReportPeriod.of(from, to, tz, event.zone(), event.createdAt(), now);
        return report(eventId, List.of(eventId), period, now);
    }

    /** All of the caller's events (NOT_FOUND without an organizer profile); days are UTC's unless {@code tz} says. */
    @Transactional
    public SalesReport ofOrganizer(UUID userId, String from, String to, String tz) {
        Organizer organizer = organizers.mine(userId);
        Instant now = clock.instant();
        ReportPeriod period = ReportPeriod.of(from, to, tz, ZoneId.of("UTC"), organizer.createdAt(), now);
        List<UUID> ids = events.allOfOrganizer(organizer.id()).stream().map(Event::id).toList();
        return report(null, ids, period, now);
    }

    private SalesReport report(UUID eventId, List<UUID> eventIds, ReportPeriod period, Instant now) {
        String ids = eventIds.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
        List<SalesReport.TierFigures> tiers = tiers(ids, period);
        long sold = tiers.stream().mapToLong(SalesReport.TierFigures::sold).sum();
        long valid = tiers.stream().mapToLong(SalesReport.TierFigures::valid).sum();
        long checkedIn = tiers.stream().mapToLong(SalesReport.TierFigures::checkedIn).sum();
        SalesReport.Tickets tickets = new SalesReport.Tickets(sold, valid,
                tiers.stream().mapToLong(SalesReport.TierFigures::refunded).sum(),
                tiers.stream().mapToLong(SalesReport.TierFigures::cancelled).sum(), checkedIn, rate(checkedIn, valid));
        List<SalesReport.Money> money = money(rows("SELECT 1, currency, kind, sum(amount_minor) FROM ledger_entries "
                + "WHERE event_id = ANY (CAST(?1 AS uuid[])) AND created_at >= ?2 AND created_at < ?3 "
                + "GROUP BY currency, kind", ids, period.start(), period.end())).getOrDefault(1, List.of());
        return new SalesReport(eventId, period.zone().getId(), period.from(), period.to(), tickets, money,
                funnel(ids, period), tiers, series(ids, period.dayBounds()), series(ids, period.hourBounds(now)));
    }

    private List<SalesReport.TierFigures> tiers(String ids, ReportPeriod period) {
        Map<UUID, BigDecimal> gross = new HashMap<>();
        // What the buyers of the tier's tickets sold in the period paid for them: the lines of orders that were paid.
        for (Object[] r : rows("SELECT oi.tier_id, sum(oi.unit_price * oi.quantity) FROM order_items oi "
                + "WHERE oi.event_id = ANY (CAST(?1 AS uuid[])) AND EXISTS (SELECT 1 FROM tickets t WHERE "
                + "t.order_id = oi.order_id AND t.tier_id = oi.tier_id AND t.created_at >= ?2 AND t.created_at < ?3) "
                + "GROUP BY oi.tier_id", ids, period.start(), period.end())) {
            gross.put(uuid(r[0]), (BigDecimal) r[1]);
        }
        List<SalesReport.TierFigures> tiers = new ArrayList<>();
        for (Object[] r : rows("SELECT tt.id, tt.event_id, tt.tier_name, e.currency, tt.price, tt.total_quantity, "
                + "tt.available_quantity, count(t.id), "
                + "count(t.id) FILTER (WHERE t.status IN ('VALID', 'CHECKED_IN')), "
                + "count(t.id) FILTER (WHERE t.status = 'REFUNDED'), "
                + "count(t.id) FILTER (WHERE t.status = 'CANCELLED'), "
                + "count(t.id) FILTER (WHERE t.status IN ('VALID', 'CHECKED_IN') AND t.checked_in_at IS NOT NULL), "
                + "(SELECT count(*) FROM tickets n WHERE n.tier_id = tt.id AND n.status IN ('VALID', 'CHECKED_IN')) "
                + "FROM ticket_tiers tt JOIN events e ON e.id = tt.event_id "
                + "LEFT JOIN tickets t ON t.tier_id = tt.id AND t.created_at >= ?2 AND t.created_at < ?3 "
                + "WHERE tt.event_id = ANY (CAST(?1 AS uuid[])) "
                + "GROUP BY tt.id, tt.event_id, tt.tier_name, e.currency, tt.price, tt.total_quantity, "
                + "tt.available_quantity, e.start_time "
                + "ORDER BY e.start_time, tt.event_id, tt.price, tt.tier_name, tt.id",
                ids, period.start(), period.end())) {
            UUID tierId = uuid(r[0]);
            String currency = ((String) r[3]).trim();
            long capacity = number(r[5]);
            tiers.add(new SalesReport.TierFigures(tierId, uuid(r[1]), (String) r[2], currency,
                    inCurrency((BigDecimal) r[4], currency), capacity, number(r[6]), number(r[7]), number(r[8]),
                    number(r[9]), number(r[10]), number(r[11]),
                    inCurrency(gross.getOrDefault(tierId, BigDecimal.ZERO), currency), rate(number(r[12]), capacity)));
        }
        return tiers;
    }

    private SalesReport.Funnel funnel(String ids, ReportPeriod period) {
        Object[] r = rows("SELECT count(*), count(oi.id), "
                + "count(oi.id) FILTER (WHERE EXISTS (SELECT 1 FROM tickets t WHERE t.order_id = oi.order_id)), "
                + "count(*) FILTER (WHERE oi.id IS NULL AND h.status <> 'ACTIVE'), "
                + "count(oi.id) FILTER (WHERE o.status IN ('EXPIRED', 'CANCELLED') "
                + "AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.order_id = oi.order_id)) "
                + "FROM reservations h LEFT JOIN order_items oi ON oi.reservation_id = h.id "
                + "LEFT JOIN orders o ON o.id = oi.order_id "
                + "WHERE h.event_id = ANY (CAST(?1 AS uuid[])) AND h.created_at >= ?2 AND h.created_at < ?3",
                ids, period.start(), period.end()).get(0);
        long holds = number(r[0]);
        long abandonedHolds = number(r[3]);
        long abandonedCheckouts = number(r[4]);
        return new SalesReport.Funnel(holds, number(r[1]), number(r[2]), abandonedHolds, abandonedCheckouts,
                rate(number(r[2]), holds), rate(abandonedHolds + abandonedCheckouts, holds));
    }

    /** Tickets sold and money moved in each interval between consecutive bounds. */
    private List<SalesReport.Bucket> series(String ids, List<Instant> bounds) {
        // width_bucket numbers the intervals from 1: bucket i starts at bounds[i - 1].
        String thresholds = thresholds(bounds);
        Instant start = bounds.get(0);
        Instant end = bounds.get(bounds.size() - 1);
        Map<Integer, Long> sold = new HashMap<>();
        for (Object[] r : rows("SELECT width_bucket(created_at, CAST(?4 AS timestamptz[])), count(*) FROM tickets "
                + "WHERE event_id = ANY (CAST(?1 AS uuid[])) AND created_at >= ?2 AND created_at < ?3 GROUP BY 1",
                ids, start, end, thresholds)) {
            sold.put((int) number(r[0]), number(r[1]));
        }
        Map<Integer, List<SalesReport.Money>> money = money(rows("SELECT width_bucket(created_at, "
                + "CAST(?4 AS timestamptz[])), currency, kind, sum(amount_minor) FROM ledger_entries "
                + "WHERE event_id = ANY (CAST(?1 AS uuid[])) AND created_at >= ?2 AND created_at < ?3 GROUP BY 1, 2, 3",
                ids, start, end, thresholds));
        List<SalesReport.Bucket> buckets = new ArrayList<>();
        for (int i = 1; i < bounds.size(); i++) {
            buckets.add(new SalesReport.Bucket(bounds.get(i - 1), sold.getOrDefault(i, 0L),
                    money.getOrDefault(i, List.of())));
        }
        return buckets;
    }

    /** Ledger sums (group, currency, kind, minor units) as money per currency of each group. */
    static Map<Integer, List<SalesReport.Money>> money(List<Object[]> sums) {
        Map<Integer, Map<String, Map<Kind, Long>>> byGroup = new TreeMap<>();
        for (Object[] r : sums) {
            byGroup.computeIfAbsent((int) number(r[0]), g -> new TreeMap<>())
                    .computeIfAbsent(((String) r[1]).trim(), c -> new HashMap<>())
                    .merge(Kind.valueOf((String) r[2]), number(r[3]), Long::sum);
        }
        Map<Integer, List<SalesReport.Money>> money = new HashMap<>();
        byGroup.forEach((group, byCurrency) -> money.put(group, byCurrency.entrySet().stream()
                .map(e -> moneyOf(e.getKey(), e.getValue())).toList()));
        return money;
    }

    private static SalesReport.Money moneyOf(String currency, Map<Kind, Long> byKind) {
        long gross = byKind.getOrDefault(Kind.CAPTURED, 0L);
        long refunds = byKind.getOrDefault(Kind.REFUNDED, 0L);
        long platform = byKind.getOrDefault(Kind.PLATFORM_FEE, 0L);
        long provider = byKind.getOrDefault(Kind.PROVIDER_FEE, 0L);
        long disputes = byKind.getOrDefault(Kind.DISPUTED, 0L) + byKind.getOrDefault(Kind.DISPUTE_REVERSED, 0L);
        return new SalesReport.Money(currency, LedgerEntry.fromMinor(gross, currency),
                LedgerEntry.fromMinor(refunds, currency), LedgerEntry.fromMinor(platform, currency),
                LedgerEntry.fromMinor(provider, currency), LedgerEntry.fromMinor(disputes, currency),
                LedgerEntry.fromMinor(gross + refunds + platform + provider + disputes, currency));
    }

    /** An amount written with its currency's decimals where that loses nothing. */
    private static BigDecimal inCurrency(BigDecimal amount, String currency) {
        BigDecimal exact = LedgerEntry.fromMinor(0, currency);
        return amount.scale() > exact.scale() && amount.stripTrailingZeros().scale() > exact.scale()
                ? amount : amount.setScale(exact.scale(), RoundingMode.UNNECESSARY);
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), RATE_SCALE,
                RoundingMode.HALF_UP);
    }

    private List<Object[]> rows(String sql, Object... parameters) {
        return rows(em, sql, parameters);
    }

    /** The rows of a native query; instants are bound as timestamps with their offset. */
    @SuppressWarnings("unchecked")
    static List<Object[]> rows(EntityManager em, String sql, Object... parameters) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            query.setParameter(i + 1, p instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : p);
        }
        return query.getResultList();
    }

    /** Width-bucket thresholds: each interval's start, then the end of the last. */
    static String thresholds(List<Instant> bounds) {
        return bounds.stream().map(Instant::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
