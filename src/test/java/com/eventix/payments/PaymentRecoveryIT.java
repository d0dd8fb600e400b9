package com.eventix.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.eventix.testing.Api;
import com.eventix.testing.Organizer;
import com.eventix.testing.SharedServices;
import com.eventix.testing.SmallPoolIntegrationTest;
import com.eventix.testing.SuiteServices;
import com.eventix.testing.TestUsers;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Recovery of payments and idempotent requests from what crashes and lost messages leave behind, on a server with
 * only four pooled database connections (so any request that needs a second one while a burst holds them all
 * fails within five seconds).
 */
// It bursts on the other-db server's four connections.
@ResourceLock(SharedServices.OTHER_DB_SERVER)
class PaymentRecoveryIT extends SmallPoolIntegrationTest {
    private static final Instant SOON = Instant.now().plus(25, ChronoUnit.DAYS);

    private Api admin;
    private Organizer organizer;

    @BeforeEach
    void setUp() {
        admin = admin();
        organizer = Organizer.verified(api(), admin, "recovery");
    }

    /** A freshly published event's only tier (100 tickets at 25.50 USD): its signing key was never used. */
    private String tier() {
        String eventId = organizer.published(admin, Organizer.eventBody("Recovery night", "music", "", SOON), "25.50");
        return organizer.event(eventId).getString("data.tiers[0].id");
    }

    private Api buyer() {
        Api client = api();
        return client.as((String) client.registerAndLogin(TestUsers.uniqueEmail("recover"), "payer passphrase")
                .get("accessToken"));
    }

    private static String hold(Api buyer, String tierId, int quantity) {
        return buyer.post("/api/v1/tickets/reserve", Map.of("tierId", tierId, "quantity", quantity)).then()
                .statusCode(201).extract().jsonPath().getString("data.reservationId");
    }

    private static JsonPath checkout(Api buyer, String reservationId) {
        return buyer.post("/api/v1/orders", Map.of("reservationIds", List.of(reservationId)))
                .then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath order(Api buyer, String orderId) {
        return buyer.get("/api/v1/orders/" + orderId).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aBurstOfPaidWebhooksOnAColdKeyCacheNeverWaitsForASecondConnection() throws Exception {
        String tierId = tier();
        int buyers = 16;
        List<Api> clients = new ArrayList<>();
        List<JsonPath> checkouts = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            Api buyer = buyer();
            clients.add(buyer);
            checkouts.add(checkout(buyer, hold(buyer, tierId, 1)));
        }

        ExecutorService pool = Executors.newFixedThreadPool(buyers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (JsonPath checkout : checkouts) {
            byte[] body = sandboxPaid(checkout);
            answers.add(pool.submit(() -> {
                start.await();
                var request = api().request().contentType("application/json").body(body);
                WebhookSigner.stripeHeaders(SuiteServices.SANDBOX_WEBHOOK_SECRET, Instant.now(), body)
                        .forEach(request::header);
                return request.post("/api/v1/payments/webhooks/sandbox").statusCode();
            }));
        }
        Instant began = Instant.now();
        start.countDown();
        for (Future<Integer> answer : answers) {
            assertThat(answer.get(60, TimeUnit.SECONDS)).as("every webhook is applied at once").isEqualTo(200);
        }
        Duration took = Duration.between(began, Instant.now());
        pool.shutdown();
        assertThat(took).as("no webhook waited for a connection it could not get").isLessThan(Duration.ofSeconds(20));

        for (int i = 0; i < buyers; i++) {
            JsonPath order = order(clients.get(i), checkouts.get(i).getString("data.orderId"));
            assertThat(order.getString("data.status")).isEqualTo("PAID");
            assertThat(order.getList("data.ticketIds")).hasSize(1);
        }
        db().assertInventoryBalanced(tierId);
        // All codes of the event are signed by its one key: first uses racing never created two.
        assertThat(db().integer("SELECT count(*) FROM event_signing_keys k JOIN ticket_tiers t ON t.event_id = k.event_id "
                + "WHERE t.id = ?::uuid", tierId)).isEqualTo(1);
    }

    @Test
    void aPaymentWhoseWebhookWasLostCompletesWithinTheCheckIntervalLongBeforeItsHoldEnds() throws Exception {
        String tierId = tier();
        Api buyer = buyer();
        String reservationId = hold(buyer, tierId, 2);
        JsonPath checkout = checkout(buyer, reservationId);
        String orderId = checkout.getString("data.orderId");

        // The payer paid; the provider's webhook never arrived (dropped on the way, or the server was down).
        sandboxSays(checkout.getString("data.paymentUrl"), "PAID");
        awaitOrder(buyer, orderId, "PAID", Duration.ofSeconds(10));
        assertThat(order(buyer, orderId).getList("data.ticketIds")).hasSize(2);
        Instant expiresAt = Instant.parse(buyer.get("/api/v1/tickets/reservations/" + reservationId).then()
                .extract().jsonPath().getString("data.expiresAt"));
        assertThat(expiresAt).as("settled long before the hold would have run out")
                .isAfter(Instant.now().plus(10, ChronoUnit.MINUTES));
        db().assertInventoryBalanced(tierId);
    }

    @Test
    void aBuyerComingBackToPayAPaidButUnannouncedOrderGetsThePaidOrder() throws Exception {
        String tierId = tier();
        Api buyer = buyer();
        JsonPath checkout = checkout(buyer, hold(buyer, tierId, 1));
        String orderId = checkout.getString("data.orderId");
        sandboxSays(checkout.getString("data.paymentUrl"), "PAID");

        JsonPath again = buyer.post("/api/v1/orders/" + orderId + "/payments", Map.of()).then().statusCode(201)
                .extract().jsonPath();
        assertThat(again.getString("data.status")).isEqualTo("COMPLETED");
        assertThat(again.getString("data.paymentId")).isEqualTo(checkout.getString("data.paymentId"));
        JsonPath order = order(buyer, orderId);
        assertThat(order.getString("data.status")).isEqualTo("PAID");
        assertThat(order.getList("data.ticketIds")).hasSize(1);
        // Once more, after it is settled: the same answer, never a second attempt.
        buyer.post("/api/v1/orders/" + orderId + "/payments", Map.of()).then().statusCode(201)
                .body("data.status", equalTo("COMPLETED"))
                .body("data.paymentId", equalTo(checkout.getString("data.paymentId")));

        // The payer, back on the provider's page, is told it is paid rather than "already closed".
        String path = URI.create(checkout.getString("data.paymentUrl")).getPath();
        assertThat(api().request().accept("text/html").post(path + "/pay").then().statusCode(200).extract().asString())
                .contains("Payment received");
        db().assertInventoryBalanced(tierId);
    }

    @Test
    void theSandboxDeliversAWebhookAgainUntilItIsAcknowledged() throws Exception {
        String tierId = tier();
        Api buyer = buyer();
        JsonPath checkout = checkout(buyer, hold(buyer, tierId, 1));
        String orderId = checkout.getString("data.orderId");
        String reference = URI.create(checkout.getString("data.paymentUrl")).getPath().replaceAll(".*/", "");
        String path = URI.create(checkout.getString("data.paymentUrl")).getPath();

        // The server cannot record any provider event for now: the webhook answers 5xx, the status checks fail.
        execute("CREATE OR REPLACE FUNCTION it_refuse_webhooks() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN RAISE EXCEPTION 'webhook store unavailable'; END $$");
        execute("CREATE TRIGGER it_refuse_webhooks BEFORE INSERT ON webhook_events "
                + "FOR EACH ROW EXECUTE FUNCTION it_refuse_webhooks()");
        try {
            assertThat(api().request().accept("text/html").post(path + "/pay").then().statusCode(200).extract()
                    .asString()).as("the payer is told the payment went through").contains("Payment received");
            Thread.sleep(4000);
            assertThat(order(buyer, orderId).getString("data.status")).isEqualTo("PENDING");
            assertThat(db().integer("SELECT webhook_attempts FROM sandbox_checkouts WHERE reference = ?", reference))
                    .as("delivered again with back-off while refused").isGreaterThanOrEqualTo(2);
        } finally {
            execute("DROP TRIGGER it_refuse_webhooks ON webhook_events");
            execute("DROP FUNCTION it_refuse_webhooks()");
        }
        awaitOrder(buyer, orderId, "PAID", Duration.ofSeconds(20));
        Instant deadline = Instant.now().plusSeconds(20);
        while (db().integer("SELECT count(*) FROM sandbox_checkouts WHERE reference = ? AND webhook_delivered_at "
                + "IS NOT NULL AND webhook_next_at IS NULL", reference) == 0) {
            assertThat(Instant.now()).as("the webhook is acknowledged in the end").isBefore(deadline);
            Thread.sleep(250);
        }
        assertThat(order(buyer, orderId).getList("data.ticketIds")).hasSize(1);
        db().assertInventoryBalanced(tierId);
    }

    @Test
    void aHoldThatCannotRecordItsAnswerIsNotMadeAndTheClientIsToldSo() throws Exception {
        String tierId = tier();
        Api buyer = buyer();
        String key = "reserve-" + UUID.randomUUID();
        execute("CREATE OR REPLACE FUNCTION it_refuse_answers() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN RAISE EXCEPTION 'answer store unavailable'; END $$");
        execute("CREATE TRIGGER it_refuse_answers BEFORE UPDATE ON idempotency_keys FOR EACH ROW "
                + "WHEN (NEW.response_status IS NOT NULL) EXECUTE FUNCTION it_refuse_answers()");
        Response failed;
        try {
            failed = buyer.request().header("Idempotency-Key", key).contentType("application/json")
                    .body(Map.of("tierId", tierId, "quantity", 2)).post("/api/v1/tickets/reserve");
        } finally {
            execute("DROP TRIGGER it_refuse_answers ON idempotency_keys");
            execute("DROP FUNCTION it_refuse_answers()");
        }
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.jsonPath().getBoolean("success")).isFalse();
        assertThat(db().available(tierId)).as("a failure answered means nothing is held").isEqualTo(100);

        // The retry with the same key makes the hold, once.
        String first = buyer.request().header("Idempotency-Key", key).contentType("application/json")
                .body(Map.of("tierId", tierId, "quantity", 2)).post("/api/v1/tickets/reserve").then().statusCode(201)
                .extract().jsonPath().getString("data.reservationId");
        buyer.request().header("Idempotency-Key", key).contentType("application/json")
                .body(Map.of("tierId", tierId, "quantity", 2)).post("/api/v1/tickets/reserve").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("data.reservationId", equalTo(first));
        assertThat(db().available(tierId)).isEqualTo(98);
        db().assertInventoryBalanced(tierId);
    }

    @Test
    void aReserveWhoseServerDiedBeforeCommittingRunsAgainOnRetry() throws Exception {
        String tierId = tier();
        Api buyer = buyer();
        Map<String, Object> body = Map.of("tierId", tierId, "quantity", 1);
        String done = "reserve-" + UUID.randomUUID();
        buyer.request().header("Idempotency-Key", done).contentType("application/json").body(body)
                .post("/api/v1/tickets/reserve").then().statusCode(201);
        String userId = userOf(done);

        // Its claim was committed, then the server died before the hold's transaction did: nothing was held.
        String died = "reserve-" + UUID.randomUUID();
        crashedClaim(userId, "reserve", died, done, "now() - interval '30 seconds'");
        String retried = buyer.request().header("Idempotency-Key", died).contentType("application/json").body(body)
                .post("/api/v1/tickets/reserve").then().statusCode(201).extract().jsonPath().getString("data.reservationId");
        buyer.request().header("Idempotency-Key", died).contentType("application/json").body(body)
                .post("/api/v1/tickets/reserve").then().statusCode(201).body("data.reservationId", equalTo(retried));
        assertThat(db().available(tierId)).isEqualTo(98);

        // A claim whose request may still be running (its lease has not ended) is in progress.
        String running = "reserve-" + UUID.randomUUID();
        crashedClaim(userId, "reserve", running, done, "now() + interval '1 minute'");
        buyer.request().header("Idempotency-Key", running).contentType("application/json").body(body)
                .post("/api/v1/tickets/reserve").then().statusCode(409)
                .body("error.code", equalTo("IDEMPOTENCY_REQUEST_IN_PROGRESS"));
        db().assertInventoryBalanced(tierId);
    }

    @Test
    void anOrderWhoseServerDiedBeforeAnsweringGetsItsOriginalAnswerOnRetry() throws Exception {
        String tierId = tier();
        Api buyer = buyer();
        String reservationId = hold(buyer, tierId, 1);
        String key = "order-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("reservationIds", List.of(reservationId));
        JsonPath original = buyer.request().header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/api/v1/orders").then().statusCode(201).extract().jsonPath();

        // The order and its checkout were committed, then the server died before storing the answer.
        db().update("UPDATE idempotency_keys SET response_status = NULL, response_body = NULL, "
                + "created_at = now() - interval '10 minutes', lease_until = now() - interval '1 second' "
                + "WHERE idempotency_key = ?", key);
        JsonPath recovered = buyer.request().header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/api/v1/orders").then().statusCode(201).extract().jsonPath();
        assertThat(recovered.getString("data.orderId")).isEqualTo(original.getString("data.orderId"));
        assertThat(recovered.getString("data.paymentId")).isEqualTo(original.getString("data.paymentId"));
        assertThat(recovered.getString("data.paymentUrl")).isEqualTo(original.getString("data.paymentUrl"));
        buyer.request().header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/api/v1/orders").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("data.orderId", equalTo(original.getString("data.orderId")));
        assertThat(db().integer("SELECT count(*) FROM order_items WHERE reservation_id = ?::uuid", reservationId))
                .isEqualTo(1);
    }

    @Test
    void anOrderPlacedIsAnsweredAsPlacedEvenWhenItsAnswerCannotBeStored() throws Exception {
        String tierId = tier();
        Api buyer = buyer();
        String reservationId = hold(buyer, tierId, 1);
        String key = "order-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("reservationIds", List.of(reservationId));
        execute("CREATE OR REPLACE FUNCTION it_refuse_answers() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN RAISE EXCEPTION 'answer store unavailable'; END $$");
        execute("CREATE TRIGGER it_refuse_order_answers BEFORE UPDATE ON idempotency_keys FOR EACH ROW "
                + "WHEN (NEW.response_status IS NOT NULL AND NEW.scope = 'order') EXECUTE FUNCTION it_refuse_answers()");
        JsonPath placed;
        try {
            placed = buyer.request().header("Idempotency-Key", key).contentType("application/json").body(body)
                    .post("/api/v1/orders").then().statusCode(201).extract().jsonPath();
        } finally {
            execute("DROP TRIGGER it_refuse_order_answers ON idempotency_keys");
            execute("DROP FUNCTION it_refuse_answers()");
        }
        assertThat(placed.getBoolean("success")).isTrue();
        assertThat(order(buyer, placed.getString("data.orderId")).getString("data.status")).isEqualTo("PENDING");

        // Its claim has no answer: once its lease is over, a retry is answered from the order it placed.
        db().update("UPDATE idempotency_keys SET lease_until = now() - interval '1 second' WHERE idempotency_key = ?", key);
        buyer.request().header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/api/v1/orders").then().statusCode(201)
                .body("data.orderId", equalTo(placed.getString("data.orderId")))
                .body("data.paymentId", equalTo(placed.getString("data.paymentId")));
    }

    /** A claim of {@code key} as a server that died left it: no answer, leased until {@code leaseUntil}. */
    private static void crashedClaim(String userId, String scope, String key, String sameRequestAs, String leaseUntil)
            throws Exception {
        db().update("INSERT INTO idempotency_keys (user_id, scope, idempotency_key, request_hash, created_at, lease_until) "
                + "SELECT user_id, scope, ?, request_hash, now() - interval '1 minute', " + leaseUntil
                + " FROM idempotency_keys WHERE idempotency_key = ? AND scope = ? AND user_id = ?::uuid",
                key, sameRequestAs, scope, userId);
    }

    private static String userOf(String key) throws Exception {
        try (Connection c = services().otherDatabase.connect();
             PreparedStatement s = c.prepareStatement("SELECT user_id::text FROM idempotency_keys WHERE idempotency_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = services().otherDatabase.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void sandboxSays(String paymentUrl, String state) throws Exception {
        db().update("UPDATE sandbox_checkouts SET state = ? WHERE reference = ?", state,
                URI.create(paymentUrl).getPath().replaceAll(".*/", ""));
    }

    private static void awaitOrder(Api buyer, String orderId, String status, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (!status.equals(order(buyer, orderId).getString("data.status"))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("order " + orderId + " did not become " + status + " within " + within);
            }
            Thread.sleep(250);
        }
    }

    /** The sandbox's Stripe-format "checkout completed, paid" event for a 25.50 USD checkout. */
    private static byte[] sandboxPaid(JsonPath checkout) {
        String paymentId = checkout.getString("data.paymentId");
        String reference = URI.create(checkout.getString("data.paymentUrl")).getPath().replaceAll(".*/", "");
        return ("{\"id\":\"evt_storm_" + paymentId + "\",\"object\":\"event\","
                + "\"type\":\"checkout.session.completed\",\"created\":" + Instant.now().getEpochSecond()
                + ",\"data\":{\"object\":{\"id\":\"" + reference + "\",\"object\":\"checkout.session\","
                + "\"payment_status\":\"paid\",\"amount_total\":2550,\"currency\":\"usd\","
                + "\"metadata\":{\"payment_id\":\"" + paymentId + "\"}}}}").getBytes(StandardCharsets.UTF_8);
    }
}
