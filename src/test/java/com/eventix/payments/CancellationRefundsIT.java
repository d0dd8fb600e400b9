package com.eventix.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.eventix.testing.Api;
import com.eventix.testing.ConcurrentArquillian;
import com.eventix.testing.CrashServer;
import com.eventix.testing.Database;
import com.eventix.testing.Db;
import com.eventix.testing.Mailbox;
import com.eventix.testing.Organizer;
import com.eventix.testing.Purchases;
import com.eventix.testing.ServerProcess;
import com.eventix.testing.SharedServices;
import com.eventix.testing.SuiteServicesExtension;
import com.eventix.testing.TestUsers;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.File;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Cancelling an event refunds every paid order exactly once: with two instances on one database working through
 * the orders together, with a server killed in the middle of it and started again, and with a refund the provider
 * keeps refusing (asked again, then listed for an admin, who has it asked once more).
 */
@ExtendWith(SuiteServicesExtension.class)
@ExtendWith(ConcurrentArquillian.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ResourceLock(value = SharedServices.SERVERS, mode = ResourceAccessMode.READ)
@ResourceLock(value = SharedServices.REDIS, mode = ResourceAccessMode.READ)
class CancellationRefundsIT {
    private static final Instant SOON = Instant.now().plus(30, ChronoUnit.DAYS);
    private static final String PRICE = "12.50";

    @Deployment(name = "first", testable = false)
    @TargetsContainer("payara-micro")
    static WebArchive first() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/eventix.war"));
    }

    @Deployment(name = "second", testable = false)
    @TargetsContainer("payara-micro-s3")
    static WebArchive second() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/eventix.war"));
    }

    @ArquillianResource
    @OperateOnDeployment("first")
    URL firstUrl;

    @ArquillianResource
    @OperateOnDeployment("second")
    URL secondUrl;

    private record Buyer(Api api, String email, String userId) {
    }

    private record Purchase(Buyer buyer, String orderId, List<String> ticketIds) {
    }

    /** One deployment's shop: an admin, a verified organizer and buyers paying on the sandbox's checkout page. */
    private static final class Shop {
        final URL url;
        final Api admin;
        final Organizer organizer;

        Shop(URL url, String name) {
            this.url = url;
            Api anonymous = Api.at(url);
            this.admin = anonymous.as((String) anonymous.login(TestUsers.ADMIN_EMAIL, TestUsers.ADMIN_PASSWORD)
                    .get("accessToken"));
            this.organizer = Organizer.verified(Api.at(url), admin, name);
        }

        String event(String title) {
            return organizer.published(admin, Organizer.eventBody(title, "music", "", SOON), PRICE);
        }

        String tier(String eventId) {
            return organizer.event(eventId).getString("data.tiers[0].id");
        }

        Buyer buyer(URL at) {
            Api client = Api.at(at);
            String email = TestUsers.uniqueEmail("cancelled");
            Map<String, Object> login = retried(() -> client.registerAndLogin(email, "cancelled passphrase"));
            return new Buyer(client.as((String) login.get("accessToken")), email,
                    (String) ((Map<?, ?>) login.get("user")).get("id"));
        }

        Purchase buy(Buyer buyer, String tierId, int quantity) throws Exception {
            Purchases.Paid paid = Purchases.paid(buyer.api(), tierId, quantity);
            return new Purchase(buyer, paid.orderId(), paid.ticketIds());
        }

        /** {@code count} buyers, each on one of {@code urls} in turn, buy in parallel; every fifth buys two tickets. */
        List<Purchase> sell(String tierId, int count, URL... urls) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Purchase>> sales = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    URL at = urls[i % urls.length];
                    int quantity = i % 5 == 0 ? 2 : 1;
                    sales.add(pool.submit(() -> buy(buyer(at), tierId, quantity)));
                }
                List<Purchase> purchases = new ArrayList<>();
                for (Future<Purchase> sale : sales) {
                    purchases.add(sale.get());
                }
                return purchases;
            } finally {
                pool.shutdown();
            }
        }

        void cancel(String eventId) {
            organizer.api.post("/api/v1/events/" + eventId + "/cancel", Map.of("reason", "The venue flooded"))
                    .then().statusCode(200);
        }

        JsonPath progress(Api as, String eventId) {
            return as.get("/api/v1/events/" + eventId + "/cancellation-refunds").then().statusCode(200)
                    .extract().jsonPath();
        }

        /** Waits until the event's refunds progress as asked, read from {@code readers} in turn. */
        JsonPath awaitProgress(String eventId, Predicate<JsonPath> done, Api... readers) throws Exception {
            Instant deadline = Instant.now().plusSeconds(180);
            for (int i = 0; ; i++) {
                JsonPath progress = progress(readers[i % readers.length], eventId);
                if (done.test(progress)) {
                    return progress;
                }
                assertThat(Instant.now()).as("refunds of event " + eventId + " progress: " + progress.prettify())
                        .isBefore(deadline);
                Thread.sleep(500);
            }
        }
    }

    /** Registration hashes a password behind a bulkhead: a burst may be told to come back (503, 429). */
    private static <T> T retried(Callable<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (Throwable e) {
                if (attempt == 5) {
                    throw new AssertionError(e);
                }
                try {
                    Thread.sleep(500L * attempt);
                } catch (InterruptedException interrupted) {
                    throw new AssertionError(interrupted);
                }
            }
        }
    }

    private static JsonPath awaitOrder(Buyer buyer, String orderId, String status) throws Exception {
        return Purchases.awaitOrder(buyer.api(), orderId, status, Duration.ofSeconds(60));
    }

    private static Response askRefund(Buyer buyer, String orderId, String ticketId) {
        return buyer.api().post("/api/v1/orders/" + orderId + "/refund",
                Map.of("reason", "I cannot come", "ticketIds", List.of(ticketId)));
    }

    @Test
    @Order(1)
    void twoInstancesRefundFiftyPaidOrdersOnceEach() throws Exception {
        Shop shop = new Shop(firstUrl, "cancel-twin");
        String eventId = shop.event("Flooded hall");
        shop.organizer.api.put("/api/v1/events/" + eventId + "/refund-policy", Map.of("mode", "APPROVAL",
                "deadlineHoursBeforeStart", 0, "feePercent", new BigDecimal("10"), "feeFixed", BigDecimal.ZERO))
                .then().statusCode(200);
        List<Purchase> sold = shop.sell(shop.tier(eventId), 50, firstUrl, secondUrl);
        // Before the cancellation: one buyer got one of two tickets back less the 10 % fee, another waits for a decision.
        Purchase partly = sold.get(0);
        Purchase waiting = sold.get(5);
        String approved = askRefund(partly.buyer(), partly.orderId(), partly.ticketIds().get(0)).then().statusCode(201)
                .extract().jsonPath().getString("data.refunds[0].id");
        shop.organizer.api.post("/api/v1/organizers/me/refund-requests/" + approved + "/approve", Map.of())
                .then().statusCode(200);
        awaitOrder(partly.buyer(), partly.orderId(), "PARTIALLY_REFUNDED");
        askRefund(waiting.buyer(), waiting.orderId(), waiting.ticketIds().get(0)).then().statusCode(201);

        shop.cancel(eventId);
        Api organizerOnSecond = Api.at(secondUrl).as(shop.organizer.api.accessToken());
        JsonPath progress = shop.awaitProgress(eventId, p -> p.getInt("data.pending") == 0,
                shop.organizer.api, organizerOnSecond);
        assertThat(progress.getInt("data.orders")).isEqualTo(50);
        assertThat(progress.getInt("data.refunded")).isEqualTo(50);
        assertThat(progress.getInt("data.failed")).isZero();
        assertThat(progress.getString("data.currency")).isEqualTo("USD");
        // 60 tickets sold, one refunded before: 59 at 12.50, no fee kept.
        assertThat(new BigDecimal(progress.getString("data.refundedAmount"))).isEqualByComparingTo("737.50");
        assertThat(Instant.parse(progress.getString("data.finishedAt")))
                .isAfterOrEqualTo(Instant.parse(progress.getString("data.startedAt")));

        assertThat(Db.rows("""
                SELECT o.id, count(r.id) FROM orders o
                LEFT JOIN refunds r ON r.order_id = o.id AND r.reason = 'event cancelled' AND r.status = 'SUCCEEDED'
                WHERE o.id IN (SELECT order_id FROM order_items WHERE event_id = ?::uuid)
                GROUP BY o.id HAVING count(r.id) <> 1 OR bool_or(o.status <> 'REFUNDED')""", eventId))
                .as("every order refunded exactly once, and REFUNDED").isEmpty();
        assertThat(Db.integer("SELECT count(*) FROM refunds WHERE event_id = ?::uuid AND reason = 'event cancelled'",
                eventId)).isEqualTo(50);
        assertThat(Db.rows("""
                SELECT r.id, count(l.id) FROM refunds r LEFT JOIN ledger_entries l ON l.refund_id = r.id
                  AND l.kind = 'REFUNDED'
                WHERE r.event_id = ?::uuid AND r.reason = 'event cancelled' GROUP BY r.id HAVING count(l.id) <> 1""",
                eventId)).as("each refund written to the ledger once").isEmpty();
        assertThat(Db.rows("SELECT s.state, count(*) FROM sandbox_checkouts s WHERE s.order_id IN "
                + "(SELECT order_id FROM order_items WHERE event_id = ?::uuid) GROUP BY s.state ORDER BY s.state", eventId))
                .as("the provider refunded each payment whole, but the one refunded in part before")
                .containsExactly("PAID | 1", "REFUNDED | 49");
        assertThat(Db.rows("SELECT id, status FROM tickets WHERE event_id = ?::uuid AND status <> 'CANCELLED'",
                eventId)).as("every ticket cancelled but the one refunded before")
                .containsExactly(partly.ticketIds().get(0) + " | REFUNDED");
        assertThat(Db.rows("SELECT status FROM refunds WHERE order_id = ?::uuid AND reason <> 'event cancelled'",
                waiting.orderId())).as("the undecided request gives way to the full refund").containsExactly("REJECTED");
        assertThat(Db.rows("SELECT amount FROM refunds WHERE order_id = ?::uuid AND reason = 'event cancelled'",
                waiting.orderId())).as("both of its tickets, in full").containsExactly("25.00");

        for (Purchase p : sold) {
            Mailbox.await(p.buyer().email(), "was cancelled", Duration.ofSeconds(60)).orElseThrow();
        }
        for (Purchase p : sold) {
            assertThat(Mailbox.to(p.buyer().email(), "was cancelled")).as("mails to " + p.buyer().email()).hasSize(1);
        }
        LedgerChecks.assertBalanced(shop.admin, eventId);

        // Who may read the progress: the organizer and admins; another organizer does not see the event.
        shop.progress(shop.admin, eventId);
        Organizer other = Organizer.verified(Api.at(firstUrl), shop.admin, "cancel-other");
        other.api.get("/api/v1/events/" + eventId + "/cancellation-refunds").then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        partly.buyer().api().get("/api/v1/events/" + eventId + "/cancellation-refunds").then().statusCode(403)
                .body("error.code", equalTo("FORBIDDEN"));
        Api.at(firstUrl).get("/api/v1/events/" + eventId + "/cancellation-refunds").then().statusCode(401);
        shop.admin.get("/api/v1/events/" + UUID.randomUUID() + "/cancellation-refunds").then().statusCode(404);
        shop.admin.get("/api/v1/events/not-an-id/cancellation-refunds").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    @Order(2)
    void aRefundTheProviderKeepsRefusingIsRetriedThenListedForAnAdminWhoRetriesIt() throws Exception {
        Shop shop = new Shop(firstUrl, "cancel-refused");
        String eventId = shop.event("Refused refunds");
        List<Purchase> sold = shop.sell(shop.tier(eventId), 2, firstUrl);
        Purchase refused = sold.get(1);
        assertThat(Db.update("UPDATE sandbox_checkouts SET refunds_to_refuse = 100 WHERE order_id = ?::uuid",
                refused.orderId())).isEqualTo(1);
        shop.organizer.api.get("/api/v1/events/" + eventId + "/cancellation-refunds").then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));

        shop.cancel(eventId);
        JsonPath progress = shop.awaitProgress(eventId, p -> p.getInt("data.pending") == 0, shop.organizer.api);
        assertThat(progress.getInt("data.refunded")).isEqualTo(1);
        assertThat(progress.getInt("data.failed")).isEqualTo(1);
        String refundId = Db.rows("SELECT id, status, refusals FROM refunds WHERE order_id = ?::uuid",
                refused.orderId()).get(0).split(" \\| ")[0];
        // REFUND_REFUSAL_RETRIES is 2 in the suite: asked three times, each with a key of its own.
        assertThat(Db.rows("SELECT status, refusals FROM refunds WHERE id = ?::uuid", refundId))
                .containsExactly("FAILED | 3");
        assertThat(Db.rows("SELECT status FROM tickets WHERE order_id = ?::uuid", refused.orderId()))
                .containsOnly("CANCELLED");

        JsonPath failed = shop.admin.get("/api/v1/admin/refunds?status=FAILED&size=100").then().statusCode(200)
                .extract().jsonPath();
        assertThat(failed.getList("data.items.id", String.class)).contains(refundId);
        assertThat(failed.getString("data.items.find { it.id == '" + refundId + "' }.failureReason"))
                .isEqualTo("refused by sandbox");
        refused.buyer().api().get("/api/v1/admin/refunds").then().statusCode(403);
        shop.admin.get("/api/v1/admin/refunds?status=LOST").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_FAILED"));

        Db.update("UPDATE sandbox_checkouts SET refunds_to_refuse = 0 WHERE order_id = ?::uuid", refused.orderId());
        shop.admin.post("/api/v1/admin/refunds/" + refundId + "/retry", Map.of()).then().statusCode(200)
                .body("data.status", equalTo("SUCCEEDED"));
        shop.admin.post("/api/v1/admin/refunds/" + refundId + "/retry", Map.of()).then().statusCode(409)
                .body("error.code", equalTo("INVALID_STATE_TRANSITION"));
        shop.admin.post("/api/v1/admin/refunds/" + UUID.randomUUID() + "/retry", Map.of()).then().statusCode(404);
        shop.organizer.api.post("/api/v1/admin/refunds/" + refundId + "/retry", Map.of()).then().statusCode(403);

        progress = shop.progress(shop.admin, eventId);
        assertThat(progress.getInt("data.refunded")).isEqualTo(2);
        assertThat(progress.getInt("data.failed")).isZero();
        assertThat(progress.getString("data.finishedAt")).isNotNull();
        awaitOrder(refused.buyer(), refused.orderId(), "REFUNDED");
        assertThat(Db.rows("SELECT state FROM sandbox_checkouts WHERE order_id IN (?::uuid, ?::uuid)",
                sold.get(0).orderId(), refused.orderId())).containsOnly("REFUNDED");
        Mailbox.await(refused.buyer().email(), "went through", Duration.ofSeconds(30)).orElseThrow();
        LedgerChecks.assertBalanced(shop.admin, eventId);
    }

    @Test
    @Order(4)
    void anOrderWhoseRefundCannotBeRecordedIsSetAsideForAnAdminWhoPutsItBack() throws Exception {
        Shop shop = new Shop(firstUrl, "cancel-set-aside");
        String eventId = shop.event("Set aside");
        List<Purchase> sold = shop.sell(shop.tier(eventId), 2, firstUrl);
        Purchase stuck = sold.get(1);
        // The database refuses this order's refund row, as a broken row or constraint would: its claim fails alone.
        String guard = "it_refuse_refund_" + stuck.orderId().replace("-", "").substring(0, 12);
        Db.update("CREATE FUNCTION " + guard + "() RETURNS trigger AS $$ BEGIN IF NEW.order_id = '" + stuck.orderId()
                + "' THEN RAISE EXCEPTION 'refunds of this order are switched off'; END IF; RETURN NEW; END $$ "
                + "LANGUAGE plpgsql");
        Db.update("CREATE TRIGGER " + guard + " BEFORE INSERT ON refunds FOR EACH ROW EXECUTE FUNCTION " + guard + "()");
        try {
            shop.cancel(eventId);
            JsonPath progress = shop.awaitProgress(eventId, p -> p.getInt("data.pending") == 0, shop.admin);
            assertThat(progress.getInt("data.refunded")).as("the other order is not held back").isEqualTo(1);
            assertThat(progress.getInt("data.failed")).isEqualTo(1);

            JsonPath setAside = shop.admin.get("/api/v1/admin/cancellation-orders?size=100").then().statusCode(200)
                    .extract().jsonPath();
            String mine = "data.items.find { it.orderId == '" + stuck.orderId() + "' }";
            assertThat(setAside.getString(mine + ".state")).isEqualTo("SET_ASIDE");
            assertThat(setAside.getString(mine + ".eventId")).isEqualTo(eventId);
            assertThat(setAside.getInt(mine + ".failures")).isEqualTo(3);
            assertThat(setAside.getString(mine + ".lastError")).contains("refunds of this order are switched off");
            assertThat(setAside.getList("data.items.orderId", String.class)).doesNotContain(sold.get(0).orderId());
            shop.organizer.api.get("/api/v1/admin/cancellation-orders").then().statusCode(403);
            shop.admin.post("/api/v1/admin/cancellation-orders/" + eventId + "/" + sold.get(0).orderId() + "/retry",
                    Map.of()).then().statusCode(409).body("error.code", equalTo("INVALID_STATE_TRANSITION"));
        } finally {
            Db.update("DROP TRIGGER IF EXISTS " + guard + " ON refunds");
            Db.update("DROP FUNCTION IF EXISTS " + guard + "()");
        }

        String retry = "/api/v1/admin/cancellation-orders/" + eventId + "/" + stuck.orderId() + "/retry";
        stuck.buyer().api().post(retry, Map.of()).then().statusCode(403);
        JsonPath retried = shop.admin.post(retry, Map.of()).then().statusCode(200).extract().jsonPath();
        assertThat(retried.getString("data.state")).isEqualTo("REFUNDED");
        assertThat(retried.getString("data.refundId")).isNotNull();
        shop.admin.post(retry, Map.of()).then().statusCode(409).body("error.code", equalTo("INVALID_STATE_TRANSITION"));
        shop.admin.post("/api/v1/admin/cancellation-orders/" + eventId + "/" + UUID.randomUUID() + "/retry", Map.of())
                .then().statusCode(404);
        assertThat(Db.integer("SELECT count(*) FROM audit_log WHERE action = 'CANCELLATION_ORDER_RETRIED' "
                + "AND resource_id = ?", stuck.orderId())).isEqualTo(1);

        JsonPath progress = shop.awaitProgress(eventId, p -> p.getInt("data.refunded") == 2, shop.admin);
        assertThat(progress.getInt("data.failed")).isZero();
        awaitOrder(stuck.buyer(), stuck.orderId(), "REFUNDED");
        LedgerChecks.assertBalanced(shop.admin, eventId);
    }

    @Test
    @Order(3)
    @ResourceLock(CrashServer.LOCK)
    void aServerKilledMidWayRefundsEachOrderOnceAfterItsRestart() throws Exception {
        int orders = 20;
        ServerProcess crashing = CrashServer.get();
        if (!crashing.isAlive()) {
            crashing.start();
        }
        crashing.awaitReady(Duration.ofMinutes(4));
        Database db = crashing.database();
        Shop shop = new Shop(crashing.url(), "cancel-crash");
        String eventId = shop.event("Crash during refunds");
        List<Purchase> sold = shop.sell(shop.tier(eventId), orders, crashing.url());

        shop.cancel(eventId);
        Instant deadline = Instant.now().plusSeconds(60);
        while (db.integer("SELECT count(*) FROM cancellation_orders WHERE event_id = ?::uuid AND outcome IS NOT NULL",
                eventId) == 0) {
            assertThat(Instant.now()).as("the job starts").isBefore(deadline);
            Thread.sleep(5);
        }
        crashing.kill();
        int succeededAtKill = db.integer("SELECT count(*) FROM refunds WHERE event_id = ?::uuid AND status = 'SUCCEEDED'",
                eventId);
        assertThat(succeededAtKill).as("killed mid-way").isLessThan(orders);

        // A loaded machine has taken minutes to boot it a second time.
        crashing.start().awaitReady(Duration.ofMinutes(6));
        JsonPath progress = shop.awaitProgress(eventId, p -> p.getInt("data.pending") == 0,
                Api.at(crashing.url()).as(shop.organizer.api.accessToken()));
        assertThat(progress.getInt("data.refunded")).isEqualTo(orders);
        assertThat(db.rows("""
                SELECT o.id, count(r.id) FROM orders o LEFT JOIN refunds r ON r.order_id = o.id
                WHERE o.id IN (SELECT order_id FROM order_items WHERE event_id = ?::uuid)
                GROUP BY o.id HAVING count(r.id) <> 1 OR bool_or(r.status <> 'SUCCEEDED') OR bool_or(o.status <> 'REFUNDED')
                """, eventId)).as("every order refunded exactly once").isEmpty();
        assertThat(db.rows("""
                SELECT r.id, count(l.id) FROM refunds r LEFT JOIN ledger_entries l ON l.refund_id = r.id
                  AND l.kind = 'REFUNDED' WHERE r.event_id = ?::uuid GROUP BY r.id HAVING count(l.id) <> 1""", eventId))
                .as("each refund written to the ledger once").isEmpty();
        assertThat(db.rows("SELECT id FROM tickets WHERE event_id = ?::uuid AND status <> 'CANCELLED'", eventId))
                .isEmpty();
        assertThat(db.rows("SELECT state FROM sandbox_checkouts WHERE order_id IN "
                + "(SELECT order_id FROM order_items WHERE event_id = ?::uuid)", eventId)).hasSize(orders)
                .containsOnly("REFUNDED");
        for (Purchase p : sold) {
            assertThat(db.integer("SELECT count(*) FROM outbox_messages WHERE payload LIKE '%was cancelled%' "
                    + "AND payload LIKE '%' || ? || '%'", p.orderId())).as("cancellation mail decided once").isEqualTo(1);
        }
        for (Purchase p : sold) {
            Mailbox.await(p.buyer().email(), "was cancelled", Duration.ofSeconds(60)).orElseThrow();
        }
        JsonPath check = shop.admin.get("/api/v1/admin/reconciliation?eventId=" + eventId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(check.getBoolean("data.balanced")).as(check.prettify()).isTrue();
    }
}
