package com.eventix.analytics.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform's figures per day, computed on each call from the rows that record them: accounts, events published
 * (from the audit log of their approval), orders paid and tickets sold (tickets are issued with the payment), refunds
 * that went through, and money from the ledger. One read-only transaction, so the figures agree.
 */
@ApplicationScoped
public class PlatformMetrics {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Clock clock;

    @Transactional
    public PlatformReport of(String from, String to, String tz) {
        Instant now = clock.instant();
        ReportPeriod period = ReportPeriod.of(from, to, tz, ZoneId.of("UTC"), now.minus(Duration.ofDays(29)), now);
        List<Instant> bounds = period.dayBounds();
        String thresholds = SalesAnalytics.thresholds(bounds);
        Object[] window = {period.start(), period.end(), thresholds};
        Map<Integer, long[]> counts = new HashMap<>();
        count(counts, 0, "SELECT width_bucket(created_at, CAST(?3 AS timestamptz[])), count(*) FROM users "
                + "WHERE created_at >= ?1 AND created_at < ?2 GROUP BY 1", window);
        count(counts, 1, "SELECT width_bucket(created_at, CAST(?3 AS timestamptz[])), count(*) FROM audit_log "
                + "WHERE action = 'EVENT_APPROVED' AND outcome = 'SUCCESS' AND created_at >= ?1 AND created_at < ?2 "
                + "GROUP BY 1", window);
        count(counts, 2, "SELECT width_bucket(created_at, CAST(?3 AS timestamptz[])), count(DISTINCT order_id), "
                + "count(*) FROM tickets WHERE created_at >= ?1 AND created_at < ?2 GROUP BY 1", window);
        count(counts, 4, "SELECT width_bucket(updated_at, CAST(?3 AS timestamptz[])), count(*) FROM refunds "
                + "WHERE status = 'SUCCEEDED' AND updated_at >= ?1 AND updated_at < ?2 GROUP BY 1", window);
        Map<Integer, List<SalesReport.Money>> money = SalesAnalytics.money(SalesAnalytics.rows(em,
                "SELECT width_bucket(created_at, CAST(?3 AS timestamptz[])), currency, kind, sum(amount_minor) "
                        + "FROM ledger_entries WHERE created_at >= ?1 AND created_at < ?2 GROUP BY 1, 2, 3", window));
        List<PlatformReport.Day> daily = new ArrayList<>();
        for (int i = 1; i < bounds.size(); i++) {
            long[] c = counts.getOrDefault(i, new long[5]);
            daily.add(new PlatformReport.Day(bounds.get(i - 1), c[0], c[1], c[2], c[3], c[4],
                    money.getOrDefault(i, List.of())));
        }
        Map<Integer, List<SalesReport.Money>> total = SalesAnalytics.money(SalesAnalytics.rows(em,
                "SELECT 1, currency, kind, sum(amount_minor) FROM ledger_entries WHERE created_at >= ?1 "
                        + "AND created_at < ?2 GROUP BY currency, kind", period.start(), period.end()));
        PlatformReport.Day totals = new PlatformReport.Day(period.start(),
                daily.stream().mapToLong(PlatformReport.Day::newUsers).sum(),
                daily.stream().mapToLong(PlatformReport.Day::eventsPublished).sum(),
                daily.stream().mapToLong(PlatformReport.Day::ordersPaid).sum(),
                daily.stream().mapToLong(PlatformReport.Day::ticketsSold).sum(),
                daily.stream().mapToLong(PlatformReport.Day::refunds).sum(), total.getOrDefault(1, List.of()));
        long active = SalesAnalytics.number(em.createNativeQuery("SELECT count(*) FROM events "
                + "WHERE status IN ('PUBLISHED', 'ACTIVE') AND suspended_at IS NULL").getSingleResult());
        return new PlatformReport(period.zone().getId(), period.from(), period.to(), active, totals, daily);
    }

    /** Adds each bucket's counts (the columns after the bucket) to the figures from {@code first} on. */
    private void count(Map<Integer, long[]> counts, int first, String sql, Object[] window) {
        for (Object[] r : SalesAnalytics.rows(em, sql, window)) {
            long[] c = counts.computeIfAbsent((int) SalesAnalytics.number(r[0]), b -> new long[5]);
            for (int j = 1; j < r.length; j++) {
                c[first + j - 1] = SalesAnalytics.number(r[j]);
            }
        }
    }
}
