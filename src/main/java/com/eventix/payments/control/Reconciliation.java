package com.eventix.payments.control;

import com.eventix.payments.entity.LedgerEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Compares the ledger with the records it sums up: per event and currency, what the ledger says was captured and
 * refunded against the payments the providers confirmed and the refunds that went through. Read in one repeatable
 * snapshot, so a payment completing meanwhile is seen on both sides or on neither.
 */
@ApplicationScoped
public class Reconciliation {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Ledger ledger;
    @Inject
    Clock clock;

    /** The check of every event (or one), mismatches first: balanced only if every line matches. */
    @Schema(name = "Reconciliation")
    public record Report(boolean balanced, @Schema(type = SchemaType.STRING, format = "date-time") Instant checkedAt,
                         int mismatches, List<Line> events) {
    }

    /** One event in one currency. Amounts are exact, in {@code currency}. */
    @Schema(name = "ReconciliationLine")
    public record Line(@Schema(type = SchemaType.STRING, format = "uuid") UUID eventId, String currency,
                       @Schema(description = "Captured payments, as the ledger has them") BigDecimal captured,
                       @Schema(description = "Refunds (negative), as the ledger has them") BigDecimal refunded,
                       @Schema(description = "Platform fees (negative)") BigDecimal platformFees,
                       @Schema(description = "Provider fees (negative)") BigDecimal providerFees,
                       @Schema(description = "Chargebacks and their reversals") BigDecimal disputes,
                       @Schema(description = "Payouts made (negative), less those given up") BigDecimal payouts,
                       @Schema(description = "What the organizer is owed: the sum of every entry") BigDecimal balance,
                       @Schema(description = "Captured according to the payments") BigDecimal paymentsCaptured,
                       @Schema(description = "Refunded according to payments and refunds (negative)")
                       BigDecimal refundsSucceeded,
                       boolean matches) {
    }

    @Transactional
    public Report check(UUID eventId) {
        em.createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY").executeUpdate();
        Map<String, Ledger.Balance> balances = new TreeMap<>();
        ledger.balances(eventId).forEach(b -> balances.put(b.eventId() + ":" + b.currency(), b));
        Map<String, BigDecimal> captured = sums(eventId, """
                SELECT i.event_id, p.currency, SUM(i.quantity * i.unit_price) FROM payments p
                JOIN order_items i ON i.order_id = p.order_id
                WHERE p.paid_at IS NOT NULL AND p.status IN ('COMPLETED', 'REFUNDING', 'REFUNDED', 'DISPUTED') AND p.amount > 0
                %s GROUP BY i.event_id, p.currency""");
        Map<String, BigDecimal> refunded = sums(eventId, """
                SELECT i.event_id, p.currency, SUM(i.quantity * i.unit_price) FROM payments p
                JOIN order_items i ON i.order_id = p.order_id
                WHERE p.status = 'REFUNDED' AND p.amount > 0 %s GROUP BY i.event_id, p.currency""");
        sums(eventId, """
                SELECT i.event_id, i.currency, SUM(i.amount) FROM refunds i
                WHERE i.status = 'SUCCEEDED' %s GROUP BY i.event_id, i.currency""")
                .forEach((key, amount) -> refunded.merge(key, amount, BigDecimal::add));
        sums(eventId, """
                SELECT i.event_id, i.currency, SUM(i.amount) FROM provider_refunds i
                WHERE true %s GROUP BY i.event_id, i.currency""")
                .forEach((key, amount) -> refunded.merge(key, amount, BigDecimal::add));
        TreeSet<String> keys = new TreeSet<>(balances.keySet());
        keys.addAll(captured.keySet());
        keys.addAll(refunded.keySet());
        List<Line> lines = new ArrayList<>();
        for (String key : keys) {
            UUID event = UUID.fromString(key.substring(0, key.indexOf(':')));
            String currency = key.substring(key.indexOf(':') + 1);
            Ledger.Balance b = balances.getOrDefault(key, new Ledger.Balance(event, currency, Map.of()));
            long expectedCaptured = LedgerEntry.toMinor(captured.getOrDefault(key, BigDecimal.ZERO), currency);
            long expectedRefunded = -LedgerEntry.toMinor(refunded.getOrDefault(key, BigDecimal.ZERO), currency);
            boolean matches = b.captured() == expectedCaptured && b.refunded() == expectedRefunded;
            lines.add(new Line(event, currency, money(b.captured(), currency), money(b.refunded(), currency),
                    money(b.platformFees(), currency), money(b.providerFees(), currency),
                    money(b.disputes(), currency), money(b.paidOut(), currency), money(b.total(), currency),
                    money(expectedCaptured, currency), money(expectedRefunded, currency), matches));
        }
        lines.sort((x, y) -> Boolean.compare(x.matches(), y.matches()));
        int mismatches = (int) lines.stream().filter(l -> !l.matches()).count();
        return new Report(mismatches == 0, clock.instant(), mismatches, lines);
    }

    private static BigDecimal money(long minor, String currency) {
        return LedgerEntry.fromMinor(minor, currency);
    }

    /** Rows (event, currency, amount) of {@code sql}, whose %s takes the event filter, keyed "event:currency". */
    private Map<String, BigDecimal> sums(UUID eventId, String sql) {
        Query query = em.createNativeQuery(sql.formatted(eventId == null ? "" : "AND i.event_id = ?1"));
        if (eventId != null) {
            query.setParameter(1, eventId);
        }
        Map<String, BigDecimal> sums = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        for (Object[] row : rows) {
            sums.merge(row[0] + ":" + ((String) row[1]).trim(), (BigDecimal) row[2], BigDecimal::add);
        }
        return sums;
    }
}
