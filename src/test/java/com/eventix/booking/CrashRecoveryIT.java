package com.eventix.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.eventix.testing.Api;
import com.eventix.testing.BalancerView;
import com.eventix.testing.CrashServer;
import com.eventix.testing.Database;
import com.eventix.testing.Organizer;
import com.eventix.testing.ServerProcess;
import com.eventix.testing.SharedServices;
import com.eventix.testing.SuiteServicesExtension;
import com.eventix.testing.TestUsers;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A {@code kill -9} in the middle of a sale: 40 buyers hold, order and pay on the sandbox checkout while the server
 * is killed, then it starts again on the same runtime folder. Once the holds have run out and everything has
 * settled, the database must show what a crash may never cause: stock that does not add up, a ticket without a
 * paid order, a paid order without its tickets or its email, money taken for nothing. On both starts, a load
 * balancer watching readiness sees the API answer from the first moment the server says it is ready.
 */
@ExtendWith(SuiteServicesExtension.class)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(CrashServer.LOCK)
@ResourceLock(value = SharedServices.REDIS, mode = ResourceAccessMode.READ)
class CrashRecoveryIT {
    private static final int BUYERS = 40;
    /** The crashed server's own database. */
    private Database db;

    @Test
    void aServerKilledMidSaleComesBackWithEveryInvariantIntact() throws Exception {
        Instant testStart = Instant.now().minusSeconds(1);
        ServerProcess server = CrashServer.get();
        if (server.isAlive()) {
            server.kill(); // left running by another crash test: this one watches a start from nothing
        }
        db = server.database();
        server.start();
        assertThat(new BalancerView().failuresThroughStart(server)).as("answers after a first start (log: %s)",
                server.log()).isEmpty();
        Api anonymous = Api.at(server.url());
        Api admin = anonymous.as((String) anonymous.login(TestUsers.ADMIN_EMAIL, TestUsers.ADMIN_PASSWORD)
                .get("accessToken"));
        Organizer organizer = Organizer.verified(Api.at(server.url()), admin, "crash");
        String eventId = organizer.published(admin, Organizer.eventBody("Crash test night", "music", "",
                Instant.now().plus(20, ChronoUnit.DAYS)), "10.00", "20.00", "5.00");
        List<String> tiers = organizer.event(eventId).getList("data.tiers.id");
        List<Api> buyers = TestUsers.signedIn(BUYERS, i -> Api.at(server.url()), "crash", "crash passphrase");

        AtomicBoolean down = new AtomicBoolean();
        AtomicInteger paid = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(BUYERS);
        for (Api buyer : buyers) {
            pool.submit(() -> buyUntilTheServerDies(buyer, tiers, paid, down));
        }
        Instant deadline = Instant.now().plusSeconds(60);
        while (paid.get() < 30 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        server.kill();
        down.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(paid.get()).as("payments made before the kill").isGreaterThanOrEqualTo(30);

        server.start();
        assertThat(new BalancerView().failuresThroughStart(server)).as("answers after kill -9 and a restart "
                + "(log: %s)", server.log()).isEmpty();
        // Time passes: every hold runs out, also past the grace a payment in flight gives it (a checkout the kill left
        // open stays open: its payer is gone), so the sweep settles or closes every checkout still open.
        for (String tier : tiers) {
            db.update("UPDATE reservations SET expires_at = now() - interval '1 second', protected_seconds = NULL "
                    + "WHERE tier_id = ?::uuid AND status = 'ACTIVE'", tier);
        }
        awaitSettled(server, eventId, testStart);

        for (String tier : tiers) {
            db.assertInventoryBalanced(tier);
            assertThat(db.available(tier)).isBetween(0, 100);
        }
        assertThat(rows("""
                SELECT o.id, o.status, (SELECT count(*) FROM tickets t WHERE t.order_id = o.id) AS tickets,
                       (SELECT sum(i.quantity) FROM order_items i WHERE i.order_id = o.id) AS bought
                FROM orders o WHERE o.id IN (SELECT order_id FROM order_items WHERE event_id = ?::uuid)
                  AND ((o.status = 'PAID') <> ((SELECT count(*) FROM tickets t WHERE t.order_id = o.id)
                                               = (SELECT sum(i.quantity) FROM order_items i WHERE i.order_id = o.id))
                       OR (o.status <> 'PAID' AND EXISTS (SELECT 1 FROM tickets t WHERE t.order_id = o.id)))
                """, eventId)).as("tickets exactly for paid orders, as many as bought").isEmpty();
        assertThat(rows("""
                SELECT o.id, o.status, count(p.id) FILTER (WHERE p.status = 'COMPLETED') AS completed
                FROM orders o LEFT JOIN payments p ON p.order_id = o.id
                WHERE o.id IN (SELECT order_id FROM order_items WHERE event_id = ?::uuid)
                GROUP BY o.id, o.status
                HAVING (o.status = 'PAID') <> (count(p.id) FILTER (WHERE p.status = 'COMPLETED') = 1)
                """, eventId)).as("a paid order has exactly one completed payment, nothing else has one").isEmpty();
        assertThat(rows("""
                SELECT s.reference, s.state, p.status FROM sandbox_checkouts s JOIN payments p ON p.id = s.payment_id
                WHERE s.order_id IN (SELECT order_id FROM order_items WHERE event_id = ?::uuid)
                  AND ((s.state IN ('PAID', 'REFUNDED')) <> (p.status IN ('COMPLETED', 'REFUNDING', 'REFUNDED')))
                """, eventId)).as("money taken at the provider is a completed or refunded payment, and only then")
                .isEmpty();
        assertThat(rows("""
                SELECT o.id, (SELECT count(*) FROM outbox_messages m
                              WHERE m.payload LIKE '%Your tickets for order ' || o.id || '%') AS mails
                FROM orders o WHERE o.status = 'PAID'
                  AND o.id IN (SELECT order_id FROM order_items WHERE event_id = ?::uuid)
                  AND (SELECT count(*) FROM outbox_messages m
                       WHERE m.payload LIKE '%Your tickets for order ' || o.id || '%') <> 1
                """, eventId)).as("each paid order's tickets email decided exactly once").isEmpty();
        assertThat(db.integer("SELECT count(*) FROM tickets WHERE event_id = ?::uuid", eventId))
                .as("tickets were sold and kept through the crash").isPositive();
    }

    /** One buyer's loop: hold, order, pay on the checkout page; until the server stops answering. */
    private static void buyUntilTheServerDies(Api buyer, List<String> tiers, AtomicInteger paid, AtomicBoolean down) {
        while (!down.get()) {
            try {
                String tier = tiers.get(ThreadLocalRandom.current().nextInt(tiers.size()));
                // With Idempotency-Keys, as careful clients send them: claims left by the kill must not block.
                Response hold = buyer.request().header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType("application/json").body(Map.of("tierId", tier,
                                "quantity", ThreadLocalRandom.current().nextInt(1, 3)))
                        .post("/api/v1/tickets/reserve");
                if (hold.statusCode() != 201) {
                    continue;
                }
                Response order = buyer.request().header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType("application/json").body(Map.of("reservationIds",
                                List.of(hold.jsonPath().getString("data.reservationId"))))
                        .post("/api/v1/orders");
                if (order.statusCode() != 201) {
                    continue;
                }
                JsonPath checkout = order.jsonPath();
                String page = URI.create(checkout.getString("data.paymentUrl")).getPath();
                if (buyer.request().accept("text/html").post(page + "/pay").statusCode() == 200) {
                    paid.incrementAndGet();
                }
            } catch (RuntimeException e) {
                // The server went away mid-request: exactly the situation under test.
            }
        }
    }

    private void awaitSettled(ServerProcess server, String eventId, Instant since) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            int open = Integer.parseInt(rows("""
                    SELECT (SELECT count(*) FROM reservations WHERE event_id = ?::uuid AND status = 'ACTIVE')
                         + (SELECT count(*) FROM orders WHERE status = 'PENDING'
                              AND id IN (SELECT order_id FROM order_items WHERE event_id = ?::uuid))
                         + (SELECT count(*) FROM payments WHERE status IN ('PENDING', 'AUTHORIZED', 'PROCESSING', 'REFUNDING')
                              AND order_id IN (SELECT order_id FROM order_items WHERE event_id = ?::uuid))
                    """, eventId).get(0));
            int unpublished = db.integer("SELECT count(*) FROM outbox_messages WHERE published_at IS NULL "
                    + "AND created_at >= ?::timestamptz", since.toString());
            if (open == 0 && unpublished == 0) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                assertThat(rows("""
                        SELECT 'hold', id::text, status, expires_at::text FROM reservations
                          WHERE event_id = ?::uuid AND status = 'ACTIVE'
                        UNION ALL SELECT 'order', id::text, status, updated_at::text FROM orders WHERE status = 'PENDING'
                          AND id IN (SELECT order_id FROM order_items WHERE event_id = ?::uuid)
                        UNION ALL SELECT 'payment', p.id::text, p.status || ' / sandbox ' || coalesce(s.state, '-'),
                               p.updated_at::text FROM payments p LEFT JOIN sandbox_checkouts s ON s.payment_id = p.id
                          WHERE p.status IN ('PENDING', 'AUTHORIZED', 'PROCESSING', 'REFUNDING')
                          AND p.order_id IN (SELECT order_id FROM order_items WHERE event_id = ?::uuid)
                        """, eventId)).as("settled in time (%s unsent messages); the server's last warnings:%n%s",
                        unpublished, lastWarnings(server)).isEmpty();
                assertThat(unpublished).as("unsent messages").isZero();
            }
            Thread.sleep(500);
        }
    }

    /** What the server warned about last (why something did not settle), for the failure message. */
    private static String lastWarnings(ServerProcess server) throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(server.log());
        List<String> warnings = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("WARNING") || lines.get(i).contains("SEVERE")) {
                warnings.add(String.join("\n", lines.subList(i, Math.min(i + 3, lines.size()))));
            }
        }
        return String.join("\n", warnings.subList(Math.max(0, warnings.size() - 30), warnings.size()));
    }

    private List<String> rows(String sql, String eventId) throws Exception {
        return db.rows(sql, java.util.Collections.nCopies((int) sql.chars().filter(ch -> ch == '?').count(), eventId)
                .toArray(String[]::new));
    }
}
