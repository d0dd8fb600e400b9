package com.eventix.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.eventix.testing.Api;
import com.eventix.testing.Db;
import com.eventix.testing.Organizer;
import com.eventix.testing.ServerProcess;
import com.eventix.testing.SuiteServices;
import com.eventix.testing.SuiteServicesExtension;
import com.eventix.testing.TestUsers;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A server killed with SIGKILL while buyers hold and pay, then started again: once it has recovered, every
 * invariant holds in the database: inventory adds up, exactly the paid orders have their tickets, every payment the
 * provider took is a paid order, and the outbox is drained.
 */
@ExtendWith(SuiteServicesExtension.class)
class CrashRecoveryIT {
    private static final Instant SOON = Instant.now().plus(25, ChronoUnit.DAYS);
    private static final int BUYERS = 12;

    @Test
    void afterAKillDuringHoldsAndPaymentsEveryInvariantHoldsOnceRecovered() throws Exception {
        try (ServerProcess server = ServerProcess.named("crash", Map.of())) {
            server.start().awaitReady(Duration.ofMinutes(4));
            Api anonymous = Api.at(server.url());
            Api admin = anonymous.as((String) anonymous.login(TestUsers.ADMIN_EMAIL, TestUsers.ADMIN_PASSWORD)
                    .get("accessToken"));
            Organizer organizer = Organizer.verified(Api.at(server.url()), admin, "crash");
            String eventId = organizer.published(admin, Organizer.eventBody("Crash night", "music", "", SOON), "25.50");
            String tierId = organizer.event(eventId).getString("data.tiers[0].id");
            List<Api> buyers = new ArrayList<>();
            for (int i = 0; i < BUYERS; i++) {
                Api client = Api.at(server.url());
                buyers.add(client.as((String) client.registerAndLogin(TestUsers.uniqueEmail("crash"), "payer passphrase")
                        .get("accessToken")));
            }

            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger paid = new AtomicInteger();
            ExecutorService load = Executors.newFixedThreadPool(BUYERS);
            for (Api buyer : buyers) {
                load.submit(() -> shop(buyer, tierId, stop, paid));
            }
            Instant until = Instant.now().plusSeconds(20);
            while (paid.get() < 10 && Instant.now().isBefore(until)) {
                Thread.sleep(50);
            }
            server.kill();
            stop.set(true);
            load.shutdown();
            assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            assertThat(paid.get()).as("payments went through before the kill").isGreaterThan(0);
            Db.assertInventoryBalanced(tierId);

            server.start().awaitReady(Duration.ofMinutes(4));
            Db.assertInventoryBalanced(tierId);
            Map<String, Integer> broken = awaitRecovered(tierId, Duration.ofSeconds(60));
            assertThat(broken).as("invariants after recovery (server log: %s)", server.log()).allSatisfy(
                    (invariant, violations) -> assertThat(violations).as(invariant).isZero());
            Db.assertInventoryBalanced(tierId);
        }
    }

    /** One buyer: holds, and pays for two holds out of three on the sandbox's page, until told to stop. */
    private static void shop(Api buyer, String tierId, AtomicBoolean stop, AtomicInteger paid) {
        for (int i = 0; !stop.get(); i++) {
            try {
                Response hold = buyer.request().header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType("application/json").body(Map.of("tierId", tierId, "quantity", 1))
                        .post("/api/v1/tickets/reserve");
                if (hold.statusCode() != 201) {
                    Thread.sleep(100);
                    continue;
                }
                if (i % 3 == 2) {
                    continue;
                }
                JsonPath checkout = buyer.request().header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType("application/json")
                        .body(Map.of("reservationIds", List.of(hold.jsonPath().getString("data.reservationId"))))
                        .post("/api/v1/orders").then().extract().jsonPath();
                String url = checkout.getString("data.paymentUrl");
                if (url == null) {
                    continue;
                }
                if (buyer.request().accept("text/html").post(URI.create(url).getPath() + "/pay").statusCode() == 200) {
                    paid.incrementAndGet();
                }
            } catch (Exception e) {
                // the server is gone (killed): this buyer stops when told to
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Polls the invariants that settle after a restart until none is violated; answers the last counts. */
    private static Map<String, Integer> awaitRecovered(String tierId, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            Map<String, Integer> violations = violations(tierId);
            if (violations.values().stream().allMatch(v -> v == 0) || Instant.now().isAfter(deadline)) {
                return violations;
            }
            Thread.sleep(500);
        }
    }

    private static Map<String, Integer> violations(String tierId) throws Exception {
        String ordersOfTier = "SELECT order_id FROM order_items WHERE tier_id = ?::uuid";
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("orders PAID without exactly their tickets, or tickets of unpaid orders", count(
                "SELECT count(*) FROM orders o WHERE o.id IN (" + ordersOfTier + ") AND ((o.status = 'PAID') <> "
                        + "((SELECT count(*) FROM tickets t WHERE t.order_id = o.id) "
                        + "= (SELECT sum(quantity) FROM order_items i WHERE i.order_id = o.id))"
                        + " OR (o.status <> 'PAID' AND EXISTS (SELECT 1 FROM tickets t WHERE t.order_id = o.id)))", tierId));
        counts.put("payments the provider took that are not paid orders", count(
                "SELECT count(*) FROM sandbox_checkouts c JOIN payments p ON p.id = c.payment_id "
                        + "JOIN orders o ON o.id = p.order_id WHERE c.order_id IN (" + ordersOfTier + ") "
                        + "AND c.state = 'PAID' AND NOT (p.status = 'COMPLETED' AND o.status = 'PAID')", tierId));
        counts.put("completed payments the provider never took", count(
                "SELECT count(*) FROM payments p LEFT JOIN sandbox_checkouts c ON c.payment_id = p.id "
                        + "WHERE p.order_id IN (" + ordersOfTier + ") AND p.status = 'COMPLETED' "
                        + "AND (c.state IS NULL OR c.state <> 'PAID')", tierId));
        counts.put("tickets beyond the tier's size", count(
                "SELECT GREATEST(0, (SELECT count(*) FROM tickets WHERE tier_id = ?::uuid) - total_quantity) "
                        + "FROM ticket_tiers WHERE id = ?::uuid", tierId, tierId));
        counts.put("outbox messages not published", count(
                "SELECT count(*) FROM outbox_messages WHERE published_at IS NULL"));
        return counts;
    }

    private static int count(String sql, String... args) throws Exception {
        try (Connection c = SuiteServices.get().database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
