package com.eventix.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.eventix.testing.Api;
import com.eventix.testing.Db;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The ledger of an event against its money, worked out here from the payments and refunds themselves: its balance
 * is what the payments captured, minus what went back (Eventix's refunds and the providers'), minus the platform's
 * 5 % of what each payment kept and the providers' fees, minus chargebacks not won back; and the
 * admins' reconciliation finds nothing amiss.
 */
final class LedgerChecks {
    /** PLATFORM_FEE_PERCENT's default. */
    static final BigDecimal PLATFORM_FEE_PERCENT = new BigDecimal("5");

    private LedgerChecks() {
    }

    /** Asserts the event's ledger (amounts in cents: the tests sell in USD); answers its balance in cents. */
    static long assertBalanced(Api admin, String eventId) throws Exception {
        long expected = 0;
        for (String row : Db.rows("""
                SELECT p.id, SUM(i.quantity * i.unit_price) * 100,
                       CASE WHEN p.status = 'REFUNDED' THEN SUM(i.quantity * i.unit_price) * 100 ELSE 0 END
                       + COALESCE((SELECT SUM(r.amount) * 100 FROM refunds r WHERE r.payment_id = p.id
                                   AND r.status = 'SUCCEEDED' AND r.event_id = ?::uuid), 0)
                       + COALESCE((SELECT SUM(r.amount) * 100 FROM provider_refunds r WHERE r.payment_id = p.id
                                   AND r.event_id = ?::uuid), 0),
                       COALESCE(p.provider_fee, 0) * 100
                FROM payments p JOIN order_items i ON i.order_id = p.order_id
                WHERE i.event_id = ?::uuid AND p.paid_at IS NOT NULL AND p.amount > 0
                  AND p.status IN ('COMPLETED', 'REFUNDING', 'REFUNDED', 'DISPUTED')
                GROUP BY p.id, p.status, p.provider_fee""", eventId, eventId, eventId)) {
            String[] cells = row.split(" \\| ");
            long captured = new BigDecimal(cells[1]).longValueExact();
            long refunded = new BigDecimal(cells[2]).longValueExact();
            long kept = captured - refunded;
            long fee = BigDecimal.valueOf(kept).multiply(PLATFORM_FEE_PERCENT)
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
            // The tests' orders with a provider's fee are of this event alone: it bears all of it.
            long providerFee = new BigDecimal(cells[3]).longValueExact();
            expected += kept - fee - providerFee;
        }
        // Chargebacks whose money is gone (the tests' disputed orders are of this event alone) leave the balance.
        expected -= Long.parseLong(Db.rows("""
                SELECT COALESCE(SUM(d.amount) * 100, 0)::bigint FROM payment_disputes d
                WHERE d.funds_withdrawn AND NOT d.funds_reinstated AND d.payment_id IN (SELECT p.id FROM payments p
                      JOIN order_items i ON i.order_id = p.order_id WHERE i.event_id = ?::uuid)""", eventId).get(0));
        List<String> balance = Db.rows("SELECT COALESCE(SUM(amount_minor), 0) FROM ledger_entries WHERE event_id = ?::uuid",
                eventId);
        assertThat(Long.parseLong(balance.get(0))).as("ledger balance of event " + eventId + " in cents")
                .isEqualTo(expected);
        JsonPath check = admin.get("/api/v1/admin/reconciliation?eventId=" + eventId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(check.getBoolean("data.balanced")).as(check.prettify()).isTrue();
        return expected;
    }
}
