package com.eventix.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.eventix.testing.Api;
import com.eventix.testing.Db;
import com.eventix.testing.IntegrationTest;
import com.eventix.testing.Organizer;
import com.eventix.testing.TestUsers;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Holds on tier inventory: never one ticket too many, every ticket back exactly once. */
class ReservationsIT extends IntegrationTest {
    private static final Instant SOON = Instant.now().plus(15, ChronoUnit.DAYS);

    private Api admin;
    private Organizer organizer;

    @BeforeEach
    void setUp() {
        admin = admin();
        organizer = Organizer.verified(api(), admin, "booking");
    }

    private String tierOfNewEvent(int quantity) {
        String eventId = organizer.draft(Organizer.eventBody("Drop " + quantity, "music", "", SOON));
        Map<String, Object> tier = Organizer.tierBody("Floor", "40.00", quantity);
        tier.put("maxPerOrder", 4);
        String tierId = organizer.addTier(eventId, tier);
        organizer.api.post("/api/v1/events/" + eventId + "/submit", Map.of()).then().statusCode(200);
        admin.post("/api/v1/admin/events/" + eventId + "/approve", Map.of()).then().statusCode(200);
        return tierId;
    }

    private Api attendee() {
        Api client = api();
        return client.as((String) client.registerAndLogin(TestUsers.uniqueEmail("buyer"), "buyer passphrase")
                .get("accessToken"));
    }

    private static Map<String, Object> hold(String tierId, int quantity) {
        return Map.of("tierId", tierId, "quantity", quantity);
    }

    @Test
    void aHoldTakesTicketsOutOfSaleUntilReleasedAndOnlyItsOwnerSeesIt() throws Exception {
        String tierId = tierOfNewEvent(10);
        Api buyer = attendee();
        Response held = buyer.post("/api/v1/tickets/reserve", hold(tierId, 3));
        held.then().statusCode(201).body("data.quantity", equalTo(3)).body("data.currency", equalTo("USD"))
                .body("data.status", equalTo("ACTIVE"));
        assertThat(held.jsonPath().getString("data.unitPrice")).isEqualTo("40.0");
        assertThat(held.jsonPath().getString("data.total")).isEqualTo("120.0");
        Instant expires = Instant.parse(held.jsonPath().getString("data.expiresAt"));
        assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(16));
        String id = held.jsonPath().getString("data.reservationId");
        assertThat(available(tierId)).isEqualTo(7);

        Api stranger = attendee();
        stranger.get("/api/v1/tickets/reservations/" + id).then().statusCode(404);
        stranger.request().delete("/api/v1/tickets/reservations/" + id).then().statusCode(404);
        api().get("/api/v1/tickets/reservations/" + id).then().statusCode(401);
        buyer.get("/api/v1/tickets/reservations/" + id).then().statusCode(200).body("data.reservationId", equalTo(id));

        buyer.request().delete("/api/v1/tickets/reservations/" + id).then().statusCode(200)
                .body("data.status", equalTo("RELEASED"));
        buyer.request().delete("/api/v1/tickets/reservations/" + id).then().statusCode(409)
                .body("error.code", equalTo("RESERVATION_NOT_ACTIVE"));
        assertThat(available(tierId)).isEqualTo(10);
        assertInventoryBalanced(tierId);
    }

    @Test
    void refusalsSaySoldOutLimitsAndClosedSales() {
        String tierId = tierOfNewEvent(5);
        Api buyer = attendee();
        buyer.post("/api/v1/tickets/reserve", hold(tierId, 5)).then().statusCode(422)
                .body("error.code", equalTo("ORDER_LIMIT_EXCEEDED")).body("error.details.maxPerOrder", equalTo(4));
        buyer.post("/api/v1/tickets/reserve", hold(tierId, 4)).then().statusCode(201);
        attendee().post("/api/v1/tickets/reserve", hold(tierId, 2)).then().statusCode(409)
                .body("error.code", equalTo("TICKET_NOT_AVAILABLE")).body("error.details.remaining", equalTo(1));
        buyer.post("/api/v1/tickets/reserve", hold(tierId, 1)).then().statusCode(201);
        attendee().post("/api/v1/tickets/reserve", hold(tierId, 1)).then().statusCode(409)
                .body("error.details.remaining", equalTo(0));

        String bigTier = tierOfNewEvent(100);
        Api hoarder = attendee();
        for (int i = 0; i < 3; i++) {
            hoarder.post("/api/v1/tickets/reserve", hold(bigTier, 1)).then().statusCode(201);
        }
        hoarder.post("/api/v1/tickets/reserve", hold(bigTier, 1)).then().statusCode(422)
                .body("error.code", equalTo("HOLD_LIMIT_EXCEEDED"));

        String eventId = organizer.draft(Organizer.eventBody("Not yet", "music", "", SOON));
        String draftTier = organizer.addTier(eventId, Organizer.tierBody("Soon", "5", 10));
        buyer.post("/api/v1/tickets/reserve", hold(draftTier, 1)).then().statusCode(422)
                .body("error.code", equalTo("SALES_CLOSED"));
        buyer.post("/api/v1/tickets/reserve", hold(java.util.UUID.randomUUID().toString(), 1)).then().statusCode(404);
        buyer.post("/api/v1/tickets/reserve", Map.of("tierId", tierId, "quantity", 0)).then().statusCode(400)
                .body("error.details.quantity", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aSoldOutTierAnswersAlikeEveryTimeAndSellsAgainOnceATicketComesBack() throws Exception {
        String tierId = tierOfNewEvent(2);
        Api buyer = attendee();
        String holdId = buyer.post("/api/v1/tickets/reserve", hold(tierId, 2)).then().statusCode(201).extract()
                .path("data.reservationId");
        Api others = attendee();
        for (int i = 0; i < 5; i++) {
            others.post("/api/v1/tickets/reserve", hold(tierId, 1)).then().statusCode(409)
                    .body("error.code", equalTo("TICKET_NOT_AVAILABLE")).body("error.message", equalTo("Ticket tier sold out"))
                    .body("error.details.remaining", equalTo(0)).body("error.details.requested", equalTo(1));
        }
        others.post("/api/v1/tickets/reserve", hold(tierId, 5)).then().statusCode(422)
                .body("error.code", equalTo("ORDER_LIMIT_EXCEEDED"));

        // A release on this instance puts the ticket on sale again at once.
        buyer.request().delete("/api/v1/tickets/reservations/" + holdId).then().statusCode(200);
        others.post("/api/v1/tickets/reserve", hold(tierId, 1)).then().statusCode(201);
        attendee().post("/api/v1/tickets/reserve", hold(tierId, 2)).then().statusCode(409)
                .body("error.details.remaining", equalTo(1));
        attendee().post("/api/v1/tickets/reserve", hold(tierId, 1)).then().statusCode(201);
        others.post("/api/v1/tickets/reserve", hold(tierId, 1)).then().statusCode(409)
                .body("error.details.remaining", equalTo(0));

        // Stock that comes back where this instance cannot hear it (another instance) is sold within SOLD_OUT_RECHECK.
        Db.update("UPDATE ticket_tiers SET available_quantity = 1, total_quantity = total_quantity + 1 WHERE id = ?::uuid",
                tierId);
        Instant deadline = Instant.now().plusSeconds(5);
        Api late = attendee();
        while (late.post("/api/v1/tickets/reserve", hold(tierId, 1)).statusCode() != 201) {
            assertThat(Instant.now()).as("the returned ticket goes on sale within about a second").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void aSoldOutDropNeverSellsOneTicketTooMany() throws Exception {
        // 67 users, 3 requests each (the per-user hold limit): 201 concurrent clients per drop.
        List<Api> buyers = TestUsers.signedIn(67, i -> api(), "buyer", "buyer passphrase");
        ExecutorService pool = Executors.newFixedThreadPool(201);
        try {
            for (int tickets : new int[] {1, 50, 137}) {
                String tierId = tierOfNewEvent(tickets);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> attempts = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    for (Api buyer : buyers) {
                        Callable<Response> attempt = () -> {
                            start.await();
                            return buyer.post("/api/v1/tickets/reserve", hold(tierId, 1));
                        };
                        attempts.add(pool.submit(attempt));
                    }
                }
                start.countDown();
                int won = 0;
                int soldOut = 0;
                for (Future<Response> f : attempts) {
                    Response r = f.get();
                    if (r.statusCode() == 201) {
                        won++;
                    } else {
                        assertThat(r.statusCode()).as(r.asString()).isEqualTo(409);
                        assertThat(r.jsonPath().getString("error.code")).isEqualTo("TICKET_NOT_AVAILABLE");
                        soldOut++;
                    }
                }
                assertThat(won).as("holds granted for a tier of %d", tickets).isEqualTo(tickets);
                assertThat(soldOut).isEqualTo(201 - tickets);
                assertThat(available(tierId)).isZero();
                assertInventoryBalanced(tierId);

                // Every hold runs out: each ticket comes back exactly once.
                expireAllHolds(tierId);
                assertThat(awaitAvailable(tierId, tickets, Duration.ofSeconds(20))).isTrue();
                Thread.sleep(1500);
                assertThat(available(tierId)).isEqualTo(tickets);
                assertInventoryBalanced(tierId);
                assertThat(count("SELECT count(*) FROM reservations WHERE tier_id = ?::uuid AND status = 'EXPIRED'", tierId))
                        .isEqualTo(tickets);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void concurrentHoldsAreDecidedTogetherEachUserWithinTheLimitAndEveryTicketAccountedFor() throws Exception {
        String tierId = tierOfNewEvent(100);
        // 12 users, 5 requests each at once, for 1 or 2 tickets (at most 72 held in all, so none sells out): exactly 3
        // holds each, the per-user limit, whichever requests of a user come together.
        List<Api> buyers = TestUsers.signedIn(12, i -> api(), "batch", "buyer passphrase");
        double batchesBefore = metric("eventix_hold_batches_total");
        double batchedBefore = metric("eventix_holds_batched_total");
        ExecutorService pool = Executors.newFixedThreadPool(60);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Map<Api, List<Future<Response>>> byBuyer = new java.util.LinkedHashMap<>();
            for (Api buyer : buyers) {
                for (int i = 0; i < 5; i++) {
                    int quantity = 1 + i % 2;
                    byBuyer.computeIfAbsent(buyer, b -> new ArrayList<>()).add(pool.submit(() -> {
                        start.await();
                        return buyer.post("/api/v1/tickets/reserve", hold(tierId, quantity));
                    }));
                }
            }
            start.countDown();
            int ticketsHeld = 0;
            for (Map.Entry<Api, List<Future<Response>>> buyer : byBuyer.entrySet()) {
                int holds = 0;
                for (Future<Response> f : buyer.getValue()) {
                    Response r = f.get();
                    if (r.statusCode() == 201) {
                        holds++;
                        ticketsHeld += r.jsonPath().getInt("data.quantity");
                    } else {
                        assertThat(r.statusCode()).as(r.asString()).isEqualTo(422);
                        assertThat(r.jsonPath().getString("error.code")).isEqualTo("HOLD_LIMIT_EXCEEDED");
                        assertThat(r.jsonPath().getInt("error.details.activeHolds")).isEqualTo(3);
                    }
                }
                assertThat(holds).as("one user's holds of the event").isEqualTo(3);
            }
            assertThat(ticketsHeld).isEqualTo(100 - available(tierId));
            assertThat(count("SELECT coalesce(sum(quantity), 0) FROM reservations WHERE tier_id = ?::uuid AND status = 'ACTIVE'",
                    tierId)).isEqualTo(ticketsHeld);
            assertThat(count("SELECT count(*) FROM (SELECT user_id FROM reservations WHERE tier_id = ?::uuid "
                    + "GROUP BY user_id HAVING count(*) > 3) AS over", tierId)).isZero();
            assertInventoryBalanced(tierId);
        } finally {
            pool.shutdown();
        }
        double batches = metric("eventix_hold_batches_total") - batchesBefore;
        double batched = metric("eventix_holds_batched_total") - batchedBefore;
        assertThat(batched).as("every request was decided in a batch").isGreaterThanOrEqualTo(60);
        assertThat(batches).as("some requests were decided together").isLessThan(batched);
    }

    private double metric(String name) {
        String metrics = api().get("/metrics").then().statusCode(200).extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.E+]+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(2)) : 0;
    }

    @Test
    void anIdempotencyKeyMakesRetriesSafe() throws Exception {
        String tierId = tierOfNewEvent(20);
        Api buyer = attendee();
        String key = "reserve-" + java.util.UUID.randomUUID();
        Response first = buyer.request().header("Idempotency-Key", key).contentType("application/json")
                .body(hold(tierId, 2)).post("/api/v1/tickets/reserve");
        first.then().statusCode(201);
        Response again = buyer.request().header("Idempotency-Key", key).contentType("application/json")
                .body(hold(tierId, 2)).post("/api/v1/tickets/reserve");
        again.then().statusCode(201);
        assertThat(again.jsonPath().getString("data.reservationId")).isEqualTo(first.jsonPath().getString("data.reservationId"));
        assertThat(available(tierId)).isEqualTo(18);
        buyer.request().header("Idempotency-Key", key).contentType("application/json").body(hold(tierId, 3))
                .post("/api/v1/tickets/reserve").then().statusCode(422).body("error.code", equalTo("IDEMPOTENCY_KEY_REUSED"));

        // Ten copies at once: one hold; the others replay it or are told it is still in progress.
        String raceKey = "race-" + java.util.UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> copies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            copies.add(pool.submit(() -> {
                start.await();
                return buyer.request().header("Idempotency-Key", raceKey).contentType("application/json")
                        .body(hold(tierId, 1)).post("/api/v1/tickets/reserve");
            }));
        }
        start.countDown();
        Set<String> ids = new HashSet<>();
        for (Future<Response> f : copies) {
            Response r = f.get();
            assertThat(r.statusCode()).isIn(201, 409);
            if (r.statusCode() == 201) {
                ids.add(r.jsonPath().getString("data.reservationId"));
            } else {
                assertThat(r.jsonPath().getString("error.code")).isEqualTo("IDEMPOTENCY_REQUEST_IN_PROGRESS");
            }
        }
        pool.shutdown();
        assertThat(ids).hasSize(1);
        assertThat(available(tierId)).isEqualTo(17);
        assertInventoryBalanced(tierId);
    }

    private static int available(String tierId) throws Exception {
        return Db.available(tierId);
    }

    private boolean awaitAvailable(String tierId, int expected, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (available(tierId) == expected) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private static void expireAllHolds(String tierId) throws Exception {
        Db.update("UPDATE reservations SET expires_at = now() - interval '1 second' "
                + "WHERE tier_id = ?::uuid AND status = 'ACTIVE'", tierId);
    }

    private static void assertInventoryBalanced(String tierId) throws Exception {
        Db.assertInventoryBalanced(tierId);
    }

    private static int count(String sql, String tierId) throws Exception {
        return Db.integer(sql, tierId);
    }
}
