package com.eventix.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.eventix.testing.Api;
import com.eventix.testing.Db;
import com.eventix.testing.IntegrationTest;
import com.eventix.testing.Organizer;
import com.eventix.testing.SharedServices;
import com.eventix.testing.TestUsers;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Organizers, events, tiers and their lifecycle over HTTP. */
// Alone on the shared servers: it finds its own among the platform's newest audit entries.
@ResourceLock(SharedServices.SERVERS)
class EventsIT extends IntegrationTest {
    private static final Instant NEXT_MONTH = Instant.now().plus(30, ChronoUnit.DAYS);

    @Test
    void anAttendeeAppliesAnAdminVerifiesAndTheRoleArrivesWithTheNextToken() {
        Api admin = admin();
        String email = TestUsers.uniqueEmail("applicant");
        Api client = api();
        Map<String, Object> tokens = client.registerAndLogin(email, "applicant passphrase");
        Api attendee = client.as((String) tokens.get("accessToken"));

        attendee.post("/api/v1/events", Organizer.eventBody("Too early", "music", "", NEXT_MONTH)).then().statusCode(403);
        String id = attendee.post("/api/v1/organizers", Map.of("organizationName", "Highlife Nights",
                        "description", "Live music", "contactEmail", email)).then().statusCode(201)
                .body("data.verificationStatus", equalTo("PENDING")).extract().jsonPath().getString("data.id");
        attendee.post("/api/v1/organizers", Map.of("organizationName", "Again", "contactEmail", email))
                .then().statusCode(409).body("error.code", equalTo("ORGANIZER_EXISTS"));
        attendee.get("/api/v1/admin/organizers").then().statusCode(403);

        JsonPath pending = admin.request().queryParam("status", "PENDING").queryParam("size", 100)
                .get("/api/v1/admin/organizers").then().statusCode(200).extract().jsonPath();
        assertThat(pending.getList("data.items.id", String.class)).contains(id);

        admin.post("/api/v1/admin/organizers/" + id + "/reject", Map.of("reason", "Add a contact phone"))
                .then().statusCode(200).body("data.verificationStatus", equalTo("REJECTED"));
        attendee.get("/api/v1/organizers/me").then().statusCode(200)
                .body("data.rejectionReason", equalTo("Add a contact phone"));
        admin.post("/api/v1/admin/organizers/" + id + "/verify", Map.of()).then().statusCode(409)
                .body("error.code", equalTo("INVALID_STATE_TRANSITION"));
        attendee.post("/api/v1/organizers", Map.of("organizationName", "Highlife Nights", "contactEmail", email,
                "contactPhone", "+233 30 000 0000")).then().statusCode(201).body("data.verificationStatus", equalTo("PENDING"));
        admin.post("/api/v1/admin/organizers/" + id + "/verify", Map.of()).then().statusCode(200)
                .body("data.verificationStatus", equalTo("VERIFIED")).body("data.verifiedAt", notNullValue());

        // The old token still says ATTENDEE; a refreshed one says ORGANIZER.
        attendee.post("/api/v1/events", Organizer.eventBody("Still early", "music", "", NEXT_MONTH)).then().statusCode(403);
        JsonPath refreshed = client.post("/api/v1/auth/refresh", Map.of("refreshToken", tokens.get("refreshToken")))
                .then().statusCode(200).extract().jsonPath();
        assertThat(refreshed.getString("data.user.role")).isEqualTo("ORGANIZER");
        client.as(refreshed.getString("data.accessToken"))
                .post("/api/v1/events", Organizer.eventBody("On time", "music", "", NEXT_MONTH)).then().statusCode(201);
    }

    @Test
    void organizersManageOnlyTheirOwnEventsAndTiers() {
        Api admin = admin();
        Organizer owner = Organizer.verified(api(), admin, "owner");
        Organizer other = Organizer.verified(api(), admin, "other");
        Map<String, Object> body = Organizer.eventBody("Afrobeats Live", "music", "A night of afrobeats", NEXT_MONTH);
        body.put("status", "PUBLISHED");
        body.put("id", UUID.randomUUID().toString());
        body.put("organizerId", other.organizerId);
        JsonPath created = owner.api.post("/api/v1/events", body).then().statusCode(201).extract().jsonPath();
        String id = created.getString("data.id");
        assertThat(id).isNotEqualTo(body.get("id"));
        assertThat(created.getString("data.status")).as("clients cannot set the status").isEqualTo("DRAFT");
        assertThat(created.getString("data.organizerId")).isEqualTo(owner.organizerId);
        String tierId = owner.addTier(id, Organizer.tierBody("General", "25.00", 100));

        Map<String, Object> edit = Organizer.eventBody("Stolen", "music", "", NEXT_MONTH);
        Map<String, Object> tier = Organizer.tierBody("VIP", "99.00", 10);
        for (var call : List.<Runnable>of(
                () -> other.api.get("/api/v1/events/" + id).then().statusCode(404),
                () -> api().get("/api/v1/events/" + id).then().statusCode(404),
                () -> other.api.put("/api/v1/events/" + id, edit).then().statusCode(404),
                () -> other.api.request().delete("/api/v1/events/" + id).then().statusCode(404),
                () -> other.api.post("/api/v1/events/" + id + "/submit", Map.of()).then().statusCode(404),
                () -> other.api.post("/api/v1/events/" + id + "/cancel", Map.of("reason", "x")).then().statusCode(404),
                () -> other.api.get("/api/v1/events/" + id + "/tiers").then().statusCode(404),
                () -> other.api.post("/api/v1/events/" + id + "/tiers", tier).then().statusCode(404),
                () -> other.api.put("/api/v1/events/" + id + "/tiers/" + tierId, tier).then().statusCode(404),
                () -> other.api.request().delete("/api/v1/events/" + id + "/tiers/" + tierId).then().statusCode(404))) {
            call.run();
        }
        owner.api.get("/api/v1/events/" + id).then().statusCode(200).body("data.tiers[0].tierName", equalTo("General"));
        admin.get("/api/v1/events/" + id).then().statusCode(200);

        owner.api.post("/api/v1/events/" + id + "/submit", Map.of()).then().statusCode(200);
        admin.post("/api/v1/admin/events/" + id + "/approve", Map.of()).then().statusCode(200);
        // Now public: others may read it but not change it.
        other.api.get("/api/v1/events/" + id).then().statusCode(200);
        other.api.put("/api/v1/events/" + id, edit).then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        other.api.put("/api/v1/events/" + id + "/tiers/" + tierId, tier).then().statusCode(403);
        other.api.post("/api/v1/events/" + id + "/cancel", Map.of("reason", "x")).then().statusCode(403);
        owner.api.get("/api/v1/organizers/me/events").then().statusCode(200).body("data.items.id", org.hamcrest.Matchers.hasItem(id));
        other.api.get("/api/v1/organizers/me/events").then().statusCode(200)
                .body("data.items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
    }

    @Test
    void pricesKeepEveryDecimalTheirCurrencyHasAndNoMore() throws Exception {
        Organizer owner = Organizer.verified(api(), admin(), "dinar");
        Map<String, Object> kuwait = Organizer.eventBody("Souq night", "market", "", NEXT_MONTH);
        kuwait.put("currency", "KWD");
        String kwd = owner.draft(kuwait);
        String tierId = owner.addTier(kwd, Organizer.tierBody("Entry", "1.005", 50));
        assertThat(owner.api.get("/api/v1/events/" + kwd).then().statusCode(200).extract().asString())
                .contains("\"price\":1.005");
        assertThat(Db.integer("SELECT count(*) FROM ticket_tiers WHERE id = ?::uuid AND price = 1.005", tierId))
                .as("stored exactly, not rounded to 1.01").isEqualTo(1);
        owner.api.post("/api/v1/events/" + kwd + "/tiers", Organizer.tierBody("Finer", "1.0005", 1)).then()
                .statusCode(422).body("error.code", equalTo("INVALID_PRICE"))
                .body("error.details.currency", equalTo("KWD")).body("error.details.maxDecimals", equalTo(3));

        Map<String, Object> euro = Organizer.eventBody("Euro night", "market", "", NEXT_MONTH);
        euro.put("currency", "EUR");
        String eur = owner.draft(euro);
        owner.api.post("/api/v1/events/" + eur + "/tiers", Organizer.tierBody("Entry", "1.005", 1)).then()
                .statusCode(422).body("error.code", equalTo("INVALID_PRICE"))
                .body("error.details.currency", equalTo("EUR")).body("error.details.maxDecimals", equalTo(2));
        owner.addTier(eur, Organizer.tierBody("Entry", "12.5", 1));
        assertThat(owner.api.get("/api/v1/events/" + eur).then().statusCode(200).extract().asString())
                .as("written in the currency's decimals").contains("\"price\":12.50");

        Map<String, Object> yen = Organizer.eventBody("Yen night", "market", "", NEXT_MONTH);
        yen.put("currency", "JPY");
        owner.api.post("/api/v1/events/" + owner.draft(yen) + "/tiers", Organizer.tierBody("Entry", "100.5", 1))
                .then().statusCode(422).body("error.code", equalTo("INVALID_PRICE"))
                .body("error.details.maxDecimals", equalTo(0));

        // Holds and orders carry the exact amount: 3 × 1.005 = 3.015 KWD.
        owner.api.post("/api/v1/events/" + kwd + "/submit", Map.of()).then().statusCode(200);
        admin().post("/api/v1/admin/events/" + kwd + "/approve", Map.of()).then().statusCode(200);
        Api buyer = api();
        buyer = buyer.as((String) buyer.registerAndLogin(TestUsers.uniqueEmail("dinar"), "dinar passphrase")
                .get("accessToken"));
        String hold = buyer.post("/api/v1/tickets/reserve", Map.of("tierId", tierId, "quantity", 3)).then()
                .statusCode(201).extract().jsonPath().getString("data.reservationId");
        String order = buyer.post("/api/v1/orders", Map.of("reservationIds", List.of(hold))).then().statusCode(201)
                .extract().jsonPath().getString("data.orderId");
        assertThat(buyer.get("/api/v1/orders/" + order).then().statusCode(200).extract().asString())
                .contains("\"totalAmount\":3.015").contains("\"unitPrice\":1.005");
        assertThat(Db.integer("SELECT count(*) FROM orders o JOIN payments p ON p.order_id = o.id "
                + "WHERE o.id = ?::uuid AND o.total_amount = 3.015 AND p.amount = 3.015", order)).isEqualTo(1);
    }

    @Test
    void eventAndTierInputIsValidatedWithSpecificCodes() {
        Organizer owner = Organizer.verified(api(), admin(), "validator");
        Map<String, Object> backwards = Organizer.eventBody("Backwards", "music", "", NEXT_MONTH);
        backwards.put("endTime", NEXT_MONTH.minus(1, ChronoUnit.HOURS).toString());
        owner.api.post("/api/v1/events", backwards).then().statusCode(422).body("error.code", equalTo("EVENT_END_BEFORE_START"));
        owner.api.post("/api/v1/events", Organizer.eventBody("Past", "music", "", Instant.now().minus(1, ChronoUnit.DAYS)))
                .then().statusCode(422).body("error.code", equalTo("EVENT_IN_PAST"));
        Map<String, Object> zone = Organizer.eventBody("Zone", "music", "", NEXT_MONTH);
        zone.put("timezone", "Mars/Olympus");
        owner.api.post("/api/v1/events", zone).then().statusCode(422).body("error.code", equalTo("INVALID_TIMEZONE"));
        Map<String, Object> money = Organizer.eventBody("Money", "music", "", NEXT_MONTH);
        money.put("currency", "XYZ");
        owner.api.post("/api/v1/events", money).then().statusCode(422).body("error.code", equalTo("INVALID_CURRENCY"));
        owner.api.post("/api/v1/events", Map.of("title", "")).then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_FAILED")).body("error.details.category", notNullValue())
                .body("error.details.startTime", notNullValue()).body("error.details.currency", notNullValue());

        Map<String, Object> capped = Organizer.eventBody("Small room", "comedy", "", NEXT_MONTH);
        capped.put("venueCapacity", 150);
        String id = owner.draft(capped);
        owner.addTier(id, Organizer.tierBody("Front", "10", 100));
        owner.api.post("/api/v1/events/" + id + "/tiers", Organizer.tierBody("front", "12", 10)).then().statusCode(409)
                .body("error.code", equalTo("TIER_NAME_TAKEN"));
        owner.api.post("/api/v1/events/" + id + "/tiers", Organizer.tierBody("Back", "5", 60)).then().statusCode(422)
                .body("error.code", equalTo("VENUE_CAPACITY_EXCEEDED")).body("error.details.tiersTotal", equalTo(160));
        owner.api.post("/api/v1/events/" + id + "/tiers", Organizer.tierBody("Cents", "9.999", 1)).then().statusCode(422)
                .body("error.code", equalTo("INVALID_PRICE"));
        owner.api.post("/api/v1/events/" + id + "/tiers", Organizer.tierBody("Negative", "-1", 1)).then().statusCode(400)
                .body("error.details.price", notNullValue());
        owner.api.post("/api/v1/events/" + id + "/tiers", Organizer.tierBody("None", "1", 0)).then().statusCode(400)
                .body("error.details.totalQuantity", notNullValue());
        Map<String, Object> late = Organizer.tierBody("Late", "5", 10);
        late.put("saleEnd", NEXT_MONTH.plus(10, ChronoUnit.DAYS).toString());
        owner.api.post("/api/v1/events/" + id + "/tiers", late).then().statusCode(422)
                .body("error.code", equalTo("INVALID_SALE_WINDOW")).body("error.details.saleEnd", notNullValue());
        capped.put("venueCapacity", 50);
        owner.api.put("/api/v1/events/" + id, capped).then().statusCode(422).body("error.code", equalTo("VENUE_CAPACITY_EXCEEDED"));
        assertThat(owner.event(id).getInt("data.venueCapacity")).as("nothing half-written").isEqualTo(150);
    }

    @Test
    void theLifecycleAllowsExactlyTheSpecifiedTransitions() {
        Api admin = admin();
        Organizer owner = Organizer.verified(api(), admin, "lifecycle");
        String id = owner.draft(Organizer.eventBody("Lifecycle Fest", "festival", "", NEXT_MONTH));
        owner.api.post("/api/v1/events/" + id + "/submit", Map.of()).then().statusCode(422)
                .body("error.code", equalTo("EVENT_HAS_NO_TIERS"));
        owner.addTier(id, Organizer.tierBody("Day pass", "40", 500));
        admin.post("/api/v1/admin/events/" + id + "/approve", Map.of()).then().statusCode(409)
                .body("error.code", equalTo("INVALID_STATE_TRANSITION")).body("error.details.from", equalTo("DRAFT"));
        owner.api.post("/api/v1/events/" + id + "/cancel", Map.of("reason", "x")).then().statusCode(409);

        owner.api.post("/api/v1/events/" + id + "/submit", Map.of()).then().statusCode(200)
                .body("data.status", equalTo("UNDER_REVIEW"));
        owner.api.post("/api/v1/events/" + id + "/submit", Map.of()).then().statusCode(409);
        owner.api.put("/api/v1/events/" + id, Organizer.eventBody("Renamed", "festival", "", NEXT_MONTH))
                .then().statusCode(409).body("error.code", equalTo("EVENT_READ_ONLY"));
        admin.request().queryParam("status", "UNDER_REVIEW").queryParam("size", 100).get("/api/v1/admin/events")
                .then().statusCode(200).body("data.items.id", org.hamcrest.Matchers.hasItem(id));

        admin.post("/api/v1/admin/events/" + id + "/reject", Map.of("reason", "Banner missing")).then().statusCode(200)
                .body("data.status", equalTo("DRAFT")).body("data.rejectionReason", equalTo("Banner missing"));
        owner.api.get("/api/v1/events/" + id).then().body("data.rejectionReason", equalTo("Banner missing"));
        owner.api.post("/api/v1/events/" + id + "/submit", Map.of()).then().statusCode(200);
        admin.post("/api/v1/admin/events/" + id + "/approve", Map.of()).then().statusCode(200)
                .body("data.status", equalTo("PUBLISHED"));
        admin.post("/api/v1/admin/events/" + id + "/approve", Map.of()).then().statusCode(409);
        admin.post("/api/v1/admin/events/" + id + "/reject", Map.of("reason", "late")).then().statusCode(409);
        owner.api.request().delete("/api/v1/events/" + id).then().statusCode(409);
        api().get("/api/v1/events/" + id).then().statusCode(200).body("data.status", equalTo("PUBLISHED"));

        owner.api.post("/api/v1/events/" + id + "/cancel", Map.of("reason", "Storm warning")).then().statusCode(200)
                .body("data.status", equalTo("CANCELLED")).body("data.cancellationReason", equalTo("Storm warning"));
        owner.api.post("/api/v1/events/" + id + "/cancel", Map.of("reason", "again")).then().statusCode(409);
        owner.api.put("/api/v1/events/" + id, Organizer.eventBody("Revived", "festival", "", NEXT_MONTH))
                .then().statusCode(409).body("error.code", equalTo("EVENT_READ_ONLY"));
        owner.api.post("/api/v1/events/" + id + "/tiers", Organizer.tierBody("Late", "1", 1)).then().statusCode(409);

        JsonPath audit = admin.request().queryParam("size", 100).get("/api/v1/admin/audit-log").then().statusCode(200)
                .extract().jsonPath();
        List<String> actions = audit.getList("data.items.findAll { it.resourceId == '" + id + "' }.action", String.class);
        assertThat(actions).contains("EVENT_CREATED", "EVENT_SUBMITTED", "EVENT_REJECTED", "EVENT_APPROVED", "EVENT_CANCELLED");

        // An admin may cancel any published event; a draft is deleted by its organizer.
        String other = owner.published(admin, Organizer.eventBody("Admin cancels", "festival", "", NEXT_MONTH), "10");
        admin.post("/api/v1/events/" + other + "/cancel", Map.of("reason", "Policy")).then().statusCode(200)
                .body("data.status", equalTo("CANCELLED"));
        String draft = owner.draft(Organizer.eventBody("Scratch", "festival", "", NEXT_MONTH));
        owner.api.request().delete("/api/v1/events/" + draft).then().statusCode(200);
        owner.api.get("/api/v1/events/" + draft).then().statusCode(404);
    }

    @Test
    void eventsStartAndEndOnTheirOwn() throws Exception {
        Api admin = admin();
        Organizer owner = Organizer.verified(api(), admin, "clock");
        Instant start = Instant.now().plusSeconds(6);
        Map<String, Object> body = Organizer.eventBody("Short show", "theatre", "", start);
        body.put("startTime", start.toString());
        body.put("endTime", start.plusSeconds(4).toString());
        String id = owner.published(admin, body, "15");
        assertThat(owner.event(id).getString("data.status")).isEqualTo("PUBLISHED");
        assertThat(awaitStatus(id, "ACTIVE", Duration.ofSeconds(20))).isTrue();
        assertThat(awaitStatus(id, "COMPLETED", Duration.ofSeconds(20))).isTrue();
        owner.api.put("/api/v1/events/" + id, body).then().statusCode(409).body("error.code", equalTo("EVENT_READ_ONLY"));
        JsonPath audit = admin.request().queryParam("size", 100).queryParam("action", "EVENT_ACTIVATED")
                .get("/api/v1/admin/audit-log").then().extract().jsonPath();
        assertThat(audit.getList("data.items.resourceId", String.class)).contains(id);
    }

    @Test
    void aSweepCatchesUpWithEventsWhoseWholeTimeSlipped() throws Exception {
        Api admin = admin();
        Organizer owner = Organizer.verified(api(), admin, "downtime");
        String id = owner.published(admin, Organizer.eventBody("Missed", "theatre", "", NEXT_MONTH), "15");
        // As if every instance had been down for the whole event: both times are already past.
        assertThat(Db.update("UPDATE events SET start_time = now() - interval '3 hours', "
                + "end_time = now() - interval '1 hour' WHERE id = ?::uuid", id)).isEqualTo(1);
        assertThat(awaitStatus(id, "COMPLETED", Duration.ofSeconds(20))).isTrue();
        JsonPath audit = admin.request().queryParam("size", 100).get("/api/v1/admin/audit-log").then().extract().jsonPath();
        assertThat(audit.getList("data.items.findAll { it.resourceId == '" + id + "' }.action", String.class))
                .contains("EVENT_ACTIVATED", "EVENT_COMPLETED");
    }

    @Test
    void publishedEventsChangeOnlyInWaysThatKeepSoldTicketsValid() throws Exception {
        Api admin = admin();
        Organizer owner = Organizer.verified(api(), admin, "sold");
        Map<String, Object> body = Organizer.eventBody("Sold some", "sports", "", NEXT_MONTH);
        body.put("venueCapacity", 500);
        String id = owner.published(admin, body, "30");
        String tierId = owner.event(id).getString("data.tiers[0].id");
        // 5 tickets of the tier are committed (sold or held).
        Db.update("UPDATE ticket_tiers SET available_quantity = total_quantity - 5 WHERE id = ?::uuid", tierId);
        owner.api.put("/api/v1/events/" + id + "/tiers/" + tierId, Organizer.tierBody("Tier 1", "30", 4))
                .then().statusCode(422).body("error.code", equalTo("TIER_BELOW_SOLD"));
        owner.api.put("/api/v1/events/" + id + "/tiers/" + tierId, Organizer.tierBody("Tier 1", "35", 100))
                .then().statusCode(409).body("error.code", equalTo("TIER_HAS_SALES"));
        owner.api.request().delete("/api/v1/events/" + id + "/tiers/" + tierId).then().statusCode(409);
        owner.api.put("/api/v1/events/" + id + "/tiers/" + tierId, Organizer.tierBody("Tier 1", "30", 5))
                .then().statusCode(200).body("data.totalQuantity", equalTo(5)).body("data.availableQuantity", equalTo(0));
        owner.api.put("/api/v1/events/" + id + "/tiers/" + tierId, Organizer.tierBody("Tier 1", "30", 80))
                .then().statusCode(200).body("data.availableQuantity", equalTo(75));

        Map<String, Object> change = Organizer.eventBody("Sold some (moved)", "sports", "", NEXT_MONTH.plus(1, ChronoUnit.DAYS));
        change.put("venueCapacity", 4);
        owner.api.put("/api/v1/events/" + id, change).then().statusCode(422).body("error.code", equalTo("VENUE_CAPACITY_EXCEEDED"));
        change.put("venueCapacity", 200);
        change.put("currency", "EUR");
        owner.api.put("/api/v1/events/" + id, change).then().statusCode(409).body("error.code", equalTo("EVENT_READ_ONLY"));
        change.put("currency", "USD");
        owner.api.put("/api/v1/events/" + id, change).then().statusCode(200)
                .body("data.title", equalTo("Sold some (moved)")).body("data.status", equalTo("PUBLISHED"));
        Map<String, Object> past = Organizer.eventBody("Back in time", "sports", "", Instant.now().minus(2, ChronoUnit.DAYS));
        owner.api.put("/api/v1/events/" + id, past).then().statusCode(422).body("error.code", equalTo("EVENT_IN_PAST"));
    }

    private boolean awaitStatus(String id, String status, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (status.equals(api().get("/api/v1/events/" + id).then().extract().jsonPath().getString("data.status"))) {
                return true;
            }
            Thread.sleep(300);
        }
        return false;
    }
}
