package com.eventix.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.eventix.testing.Api;
import com.eventix.testing.Db;
import com.eventix.testing.IntegrationTest;
import com.eventix.testing.Organizer;
import com.eventix.testing.Purchases;
import com.eventix.testing.SharedServices;
import com.eventix.testing.TestUsers;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Sales figures against a scripted sale: every figure is compared with what the script did (the platform keeps 5 %
 * of what an organizer keeps of each payment; the sandbox provider charges no fee).
 */
// Alone on the shared servers: the platform's figures must grow by exactly what its sale added.
@ResourceLock(SharedServices.SERVERS)
class AnalyticsIT extends IntegrationTest {
    private static final Instant LATER = Instant.now().plus(30, ChronoUnit.DAYS);

    private Api admin;
    private Organizer organizer;

    @BeforeEach
    void setUp() {
        admin = admin();
        organizer = Organizer.verified(api(), admin, "analytics");
    }

    private Api buyer() {
        Api client = api();
        return client.as((String) client.registerAndLogin(TestUsers.uniqueEmail("analyst-buyer"), "buyer passphrase")
                .get("accessToken"));
    }

    private String event(String title, String timezone, String... prices) {
        Map<String, Object> body = Organizer.eventBody(title, "music", "", LATER);
        body.put("timezone", timezone);
        return organizer.published(admin, body, prices);
    }

    private JsonPath analytics(String path) {
        return organizer.api.get(path).then().statusCode(200).extract().jsonPath();
    }

    private static BigDecimal money(JsonPath report, String path) {
        return new BigDecimal(report.getString(path));
    }

    @Test
    void aScriptedSaleWithARefundAnAbandonedHoldAndCheckoutAndACheckInAddsUp() throws Exception {
        String eventId = event("Figures night", "Pacific/Kiritimati", "20.00", "50.00");
        organizer.api.put("/api/v1/events/" + eventId + "/refund-policy", Map.of("mode", "AUTOMATIC",
                "deadlineHoursBeforeStart", 0, "feePercent", BigDecimal.ZERO, "feeFixed", BigDecimal.ZERO))
                .then().statusCode(200);
        JsonPath event = organizer.event(eventId);
        String general = event.getString("data.tiers.find { it.tierName == 'Tier 1' }.id");
        String vip = event.getString("data.tiers.find { it.tierName == 'Tier 2' }.id");

        Purchases.paid(buyer(), general, 2);
        Purchases.paid(buyer(), vip, 1);
        Api refunder = buyer();
        Purchases.Paid three = Purchases.paid(refunder, general, 3);
        refunder.post("/api/v1/orders/" + three.orderId() + "/refund", Map.of("reason", "one cannot come",
                "ticketIds", List.of(three.ticketIds().get(0)))).then().statusCode(201);
        Purchases.awaitOrder(refunder, three.orderId(), "PARTIALLY_REFUNDED", Duration.ofSeconds(30));
        // A hold let go, and a checkout left unpaid until its hold ran out.
        Api browser = buyer();
        String released = browser.post("/api/v1/tickets/reserve", Map.of("tierId", vip, "quantity", 1))
                .then().statusCode(201).extract().jsonPath().getString("data.reservationId");
        browser.request().delete("/api/v1/tickets/reservations/" + released).then().statusCode(200);
        Api leaver = buyer();
        String unpaid = leaver.post("/api/v1/tickets/reserve", Map.of("tierId", general, "quantity", 1))
                .then().statusCode(201).extract().jsonPath().getString("data.reservationId");
        String unpaidOrder = leaver.post("/api/v1/orders", Map.of("reservationIds", List.of(unpaid)))
                .then().statusCode(201).extract().jsonPath().getString("data.orderId");
        Db.update("UPDATE sandbox_checkouts SET state = 'DECLINED' WHERE order_id = ?::uuid", unpaidOrder);
        Db.update("UPDATE reservations SET expires_at = now() - interval '1 second' WHERE id = ?::uuid", unpaid);
        Purchases.awaitOrder(leaver, unpaidOrder, "CANCELLED", Duration.ofSeconds(60));
        // One of the first buyer's tickets is checked in at the door.
        String admittedTicket = Db.rows("SELECT id::text FROM tickets WHERE tier_id = ?::uuid AND status = 'VALID' "
                + "ORDER BY created_at, id LIMIT 1", general).get(0);
        organizer.api.post("/api/v1/events/" + eventId + "/attendees/" + admittedTicket + "/check-in", Map.of())
                .then().statusCode(200);

        JsonPath report = analytics("/api/v1/events/" + eventId + "/analytics");
        assertThat(report.getString("data.eventId")).isEqualTo(eventId);
        assertThat(report.getString("data.timezone")).isEqualTo("Pacific/Kiritimati");
        assertThat(report.getInt("data.tickets.sold")).isEqualTo(6);
        assertThat(report.getInt("data.tickets.valid")).isEqualTo(5);
        assertThat(report.getInt("data.tickets.refunded")).isEqualTo(1);
        assertThat(report.getInt("data.tickets.cancelled")).isZero();
        assertThat(report.getInt("data.tickets.checkedIn")).isEqualTo(1);
        assertThat(money(report, "data.tickets.checkInRate")).isEqualByComparingTo("0.2");

        assertThat(report.getList("data.money")).hasSize(1);
        assertThat(report.getString("data.money[0].currency")).isEqualTo("USD");
        assertThat(money(report, "data.money[0].gross")).isEqualByComparingTo("150.00");
        assertThat(money(report, "data.money[0].refunds")).isEqualByComparingTo("-20.00");
        // 5 % of what is kept of each payment: 40.00, 50.00 and 60.00 - 20.00.
        assertThat(money(report, "data.money[0].platformFees")).isEqualByComparingTo("-6.50");
        assertThat(money(report, "data.money[0].providerFees")).isEqualByComparingTo("0");
        assertThat(money(report, "data.money[0].disputes")).isEqualByComparingTo("0");
        assertThat(money(report, "data.money[0].net")).isEqualByComparingTo("123.50");

        assertThat(report.getInt("data.funnel.holds")).isEqualTo(5);
        assertThat(report.getInt("data.funnel.ordered")).isEqualTo(4);
        assertThat(report.getInt("data.funnel.paid")).isEqualTo(3);
        assertThat(report.getInt("data.funnel.abandonedHolds")).isEqualTo(1);
        assertThat(report.getInt("data.funnel.abandonedCheckouts")).isEqualTo(1);
        assertThat(money(report, "data.funnel.conversionRate")).isEqualByComparingTo("0.6");
        assertThat(money(report, "data.funnel.abandonmentRate")).isEqualByComparingTo("0.4");

        assertThat(report.getList("data.tiers.tierId")).containsExactly(general, vip);
        assertThat(report.getList("data.tiers.sold", Integer.class)).containsExactly(5, 1);
        assertThat(report.getList("data.tiers.valid", Integer.class)).containsExactly(4, 1);
        assertThat(report.getList("data.tiers.refunded", Integer.class)).containsExactly(1, 0);
        assertThat(report.getList("data.tiers.checkedIn", Integer.class)).containsExactly(1, 0);
        assertThat(report.getList("data.tiers.capacity", Integer.class)).containsExactly(100, 100);
        assertThat(report.getList("data.tiers.available", Integer.class)).as("a refunded ticket is not sold again")
                .containsExactly(95, 99);
        assertThat(money(report, "data.tiers[0].gross")).isEqualByComparingTo("100.00");
        assertThat(money(report, "data.tiers[1].gross")).isEqualByComparingTo("50.00");
        assertThat(money(report, "data.tiers[0].sellThrough")).isEqualByComparingTo("0.04");
        assertThat(money(report, "data.tiers[1].sellThrough")).isEqualByComparingTo("0.01");

        // Days are the event's: in Kiritimati (UTC+14) today started at local midnight.
        ZoneId kiritimati = ZoneId.of("Pacific/Kiritimati");
        List<Map<String, Object>> daily = report.getList("data.daily");
        assertThat(report.getString("data.to")).isEqualTo(LocalDate.now(kiritimati).toString());
        assertThat(Instant.parse((String) daily.get(daily.size() - 1).get("start")))
                .isEqualTo(LocalDate.now(kiritimati).atStartOfDay(kiritimati).toInstant());
        assertThat(daily.stream().mapToInt(d -> (Integer) d.get("sold")).sum()).isEqualTo(6);
        assertThat(report.getList("data.hourly")).hasSize(48);
        assertThat(report.getList("data.hourly.sold", Integer.class).stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(6);
        assertThat(report.getList("data.daily.money.flatten().gross", String.class).stream().map(BigDecimal::new)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("150.00");

        // Asked in UTC, the same sale, on UTC's days.
        JsonPath utc = analytics("/api/v1/events/" + eventId + "/analytics?tz=UTC");
        assertThat(utc.getString("data.to")).isEqualTo(LocalDate.now(ZoneId.of("UTC")).toString());
        List<Map<String, Object>> utcDays = utc.getList("data.daily");
        assertThat(Instant.parse((String) utcDays.get(utcDays.size() - 1).get("start")))
                .isEqualTo(LocalDate.now(ZoneId.of("UTC")).atStartOfDay(ZoneId.of("UTC")).toInstant());
        assertThat(utc.getInt("data.tickets.sold")).isEqualTo(6);

        // A period before the sale counts nothing of it.
        JsonPath before = analytics("/api/v1/events/" + eventId + "/analytics?from=2025-01-01&to=2025-01-31");
        assertThat(before.getInt("data.tickets.sold")).isZero();
        assertThat(before.getList("data.money")).isEmpty();
        assertThat(before.getInt("data.funnel.holds")).isZero();
        assertThat(before.getString("data.funnel.conversionRate")).isNull();
        assertThat(before.getList("data.daily")).hasSize(31);
    }

    @Test
    void theOrganizersFiguresAddUpAllTheirEventsAndACancelledOneGaveEverythingBack() throws Exception {
        String kept = event("Kept night", "Africa/Accra", "20.00");
        String cancelled = event("Flooded night", "Africa/Accra", "30.00");
        Purchases.paid(buyer(), organizer.event(kept).getString("data.tiers[0].id"), 2);
        Purchases.paid(buyer(), organizer.event(cancelled).getString("data.tiers[0].id"), 1);
        organizer.api.post("/api/v1/events/" + cancelled + "/cancel", Map.of("reason", "The venue flooded"))
                .then().statusCode(200);
        Instant deadline = Instant.now().plusSeconds(90);
        while (!"1".equals(organizer.api.get("/api/v1/events/" + cancelled + "/cancellation-refunds").then()
                .statusCode(200).extract().jsonPath().getString("data.refunded"))) {
            assertThat(Instant.now()).as("the cancelled event's buyer is refunded").isBefore(deadline);
            Thread.sleep(250);
        }

        JsonPath report = analytics("/api/v1/organizers/me/analytics");
        assertThat(report.getString("data.eventId")).isNull();
        assertThat(report.getString("data.timezone")).isEqualTo("UTC");
        assertThat(report.getInt("data.tickets.sold")).isEqualTo(3);
        assertThat(report.getInt("data.tickets.valid")).isEqualTo(2);
        assertThat(report.getInt("data.tickets.cancelled")).isEqualTo(1);
        assertThat(money(report, "data.money[0].gross")).isEqualByComparingTo("70.00");
        assertThat(money(report, "data.money[0].refunds")).isEqualByComparingTo("-30.00");
        // The fee on the refunded payment was given back with it.
        assertThat(money(report, "data.money[0].platformFees")).isEqualByComparingTo("-2.00");
        assertThat(money(report, "data.money[0].net")).isEqualByComparingTo("38.00");
        assertThat(report.getList("data.tiers.eventId")).containsExactlyInAnyOrder(kept, cancelled);

        // Another organizer sees none of it.
        Organizer other = Organizer.verified(api(), admin, "analytics-other");
        JsonPath theirs = other.api.get("/api/v1/organizers/me/analytics").then().statusCode(200).extract().jsonPath();
        assertThat(theirs.getInt("data.tickets.sold")).isZero();
        assertThat(theirs.getList("data.tiers")).isEmpty();
    }

    @Test
    void thePlatformsFiguresGrowByExactlyWhatASaleAdded() throws Exception {
        JsonPath before = admin.get("/api/v1/admin/metrics").then().statusCode(200).extract().jsonPath();
        String eventId = event("Platform night", "Africa/Accra", "12.00");
        Api buyer = buyer();
        organizer.api.put("/api/v1/events/" + eventId + "/refund-policy", Map.of("mode", "AUTOMATIC",
                "deadlineHoursBeforeStart", 0, "feePercent", BigDecimal.ZERO, "feeFixed", BigDecimal.ZERO))
                .then().statusCode(200);
        Purchases.Paid paid = Purchases.paid(buyer, organizer.event(eventId).getString("data.tiers[0].id"), 2);
        buyer.post("/api/v1/orders/" + paid.orderId() + "/refund", Map.of("reason", "one cannot come",
                "ticketIds", List.of(paid.ticketIds().get(0)))).then().statusCode(201);
        Purchases.awaitOrder(buyer, paid.orderId(), "PARTIALLY_REFUNDED", Duration.ofSeconds(30));

        JsonPath after = admin.get("/api/v1/admin/metrics").then().statusCode(200).extract().jsonPath();
        assertThat(after.getString("data.timezone")).isEqualTo("UTC");
        assertThat(after.getList("data.daily")).hasSize(30);
        // The buyer registered; one event was published; one order of two tickets was paid, one ticket refunded.
        assertThat(after.getLong("data.totals.newUsers") - before.getLong("data.totals.newUsers")).isEqualTo(1);
        assertThat(after.getLong("data.totals.eventsPublished") - before.getLong("data.totals.eventsPublished"))
                .isEqualTo(1);
        assertThat(after.getLong("data.totals.ordersPaid") - before.getLong("data.totals.ordersPaid")).isEqualTo(1);
        assertThat(after.getLong("data.totals.ticketsSold") - before.getLong("data.totals.ticketsSold")).isEqualTo(2);
        assertThat(after.getLong("data.totals.refunds") - before.getLong("data.totals.refunds")).isEqualTo(1);
        assertThat(usd(after, "gross").subtract(usd(before, "gross"))).isEqualByComparingTo("24.00");
        assertThat(usd(after, "refunds").subtract(usd(before, "refunds"))).isEqualByComparingTo("-12.00");
        assertThat(after.getLong("data.activeEvents")).as("this one on sale at least").isPositive();
        assertThat(after.getList("data.daily.ticketsSold", Integer.class).stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(after.getInt("data.totals.ticketsSold"));

        organizer.api.get("/api/v1/admin/metrics").then().statusCode(403);
        admin.get("/api/v1/admin/metrics?tz=null").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_FAILED"));
    }

    private static BigDecimal usd(JsonPath report, String figure) {
        String value = report.getString("data.totals.money.find { it.currency == 'USD' }." + figure);
        return value == null ? BigDecimal.ZERO : new BigDecimal(value);
    }

    @Test
    void onlyTheEventsOrganizerReadsItsFiguresAndBadPeriodsAreRefusedByName() {
        String eventId = event("Private figures", "Africa/Accra", "10.00");
        Organizer other = Organizer.verified(api(), admin, "analytics-snoop");
        other.api.get("/api/v1/events/" + eventId + "/analytics").then().statusCode(403)
                .body("error.code", equalTo("FORBIDDEN"));
        buyer().get("/api/v1/events/" + eventId + "/analytics").then().statusCode(403);
        buyer().get("/api/v1/organizers/me/analytics").then().statusCode(403);
        api().get("/api/v1/events/" + eventId + "/analytics").then().statusCode(401);
        organizer.api.get("/api/v1/events/00000000-0000-0000-0000-000000000000/analytics").then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        organizer.api.get("/api/v1/events/null/analytics").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_FAILED"));

        String base = "/api/v1/events/" + eventId + "/analytics";
        organizer.api.get(base + "?tz=Mars/Olympus&from=null&to=2026-02-30").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_FAILED"))
                .body("error.details.tz", equalTo("must be a time zone such as Europe/Berlin or UTC"))
                .body("error.details.from", equalTo("must be a date (YYYY-MM-DD)"))
                .body("error.details.to", equalTo("must be a date (YYYY-MM-DD)"));
        organizer.api.get(base + "?from=2026-03-10&to=2026-03-01").then().statusCode(400)
                .body("error.details.from", equalTo("must not be after to"));
        organizer.api.get(base + "?from=2000-01-01&to=2199-12-31").then().statusCode(400)
                .body("error.details.to", equalTo("must be at most 1096 days from from"));
        organizer.api.get(base + "?from=" + "9".repeat(5000)).then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_FAILED"));
        organizer.api.get("/api/v1/organizers/me/analytics?tz=" + "x".repeat(2000)).then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_FAILED"));
    }
}
