package com.eventix.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.eventix.testing.Api;
import com.eventix.testing.Db;
import com.eventix.testing.IntegrationTest;
import com.eventix.testing.Mailbox;
import com.eventix.testing.Organizer;
import com.eventix.testing.Purchases;
import com.eventix.testing.TestUsers;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refund policies, buyers' refund requests and the organizer's decisions, and the ledger that adds them up. */
class RefundsIT extends IntegrationTest {
    private static final Instant SOON = Instant.now().plus(30, ChronoUnit.DAYS);

    private Api admin;
    private Organizer organizer;

    @BeforeEach
    void setUp() {
        admin = admin();
        organizer = Organizer.verified(api(), admin, "refunds");
    }

    private static Map<String, Object> policy(String mode, int hours, String percent, String fixed) {
        return Map.of("mode", mode, "deadlineHoursBeforeStart", hours, "feePercent", new java.math.BigDecimal(percent),
                "feeFixed", new java.math.BigDecimal(fixed));
    }

    @Test
    void theOrganizerSetsARefundPolicyThatBuyersSeeBeforePaying() {
        String eventId = organizer.published(admin, Organizer.eventBody("Policy night", "music", "", SOON), "25.50");
        JsonPath before = api().get("/api/v1/events/" + eventId).then().statusCode(200).extract().jsonPath();
        assertThat(before.getString("data.refundPolicy.mode")).isEqualTo("NONE");
        assertThat(before.getString("data.refundPolicy.refundableUntil")).isNull();

        organizer.api.put("/api/v1/events/" + eventId + "/refund-policy", policy("APPROVAL", 48, "10", "1.50"))
                .then().statusCode(200).body("data.refundPolicy.mode", equalTo("APPROVAL"));
        JsonPath after = api().get("/api/v1/events/" + eventId).then().statusCode(200).extract().jsonPath();
        assertThat(after.getString("data.refundPolicy.mode")).isEqualTo("APPROVAL");
        assertThat(after.getInt("data.refundPolicy.deadlineHoursBeforeStart")).isEqualTo(48);
        assertThat(after.getString("data.refundPolicy.feePercent")).isEqualTo("10");
        assertThat(after.getString("data.refundPolicy.feeFixed")).isEqualTo("1.5");
        assertThat(after.getString("data.refundPolicy.currency")).isEqualTo("USD");
        assertThat(Instant.parse(after.getString("data.refundPolicy.refundableUntil")))
                .isEqualTo(Instant.parse(after.getString("data.startTime")).minus(48, ChronoUnit.HOURS));

        Organizer other = Organizer.verified(api(), admin, "other-refunds");
        other.api.put("/api/v1/events/" + eventId + "/refund-policy", policy("AUTOMATIC", 0, "0", "0"))
                .then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        organizer.api.put("/api/v1/events/" + eventId + "/refund-policy", policy("AUTOMATIC", 0, "0", "0.001"))
                .then().statusCode(400).body("error.code", equalTo("VALIDATION_FAILED"));
        organizer.api.put("/api/v1/events/" + eventId + "/refund-policy", Map.of("mode", "SOMETIMES"))
                .then().statusCode(400);
        organizer.api.put("/api/v1/events/" + eventId + "/refund-policy", Map.of("feePercent", 5))
                .then().statusCode(400).body("error.code", equalTo("VALIDATION_FAILED"));
        api().put("/api/v1/events/" + eventId + "/refund-policy", policy("AUTOMATIC", 0, "0", "0"))
                .then().statusCode(401);
    }

    private record Buyer(Api api, String email, String userId) {
    }

    private record Purchase(Buyer buyer, String eventId, String orderId, List<String> ticketIds) {
    }

    private Buyer buyer() {
        Api client = api();
        String email = TestUsers.uniqueEmail("refunder");
        Map<String, Object> login = client.registerAndLogin(email, "refunder passphrase");
        return new Buyer(client.as((String) login.get("accessToken")), email,
                (String) ((Map<?, ?>) login.get("user")).get("id"));
    }

    /** A published event with one tier at 25.50 USD and this refund policy. */
    private String eventWith(Map<String, Object> refundPolicy) {
        String eventId = organizer.published(admin, Organizer.eventBody("Refund night", "music", "", SOON), "25.50");
        organizer.api.put("/api/v1/events/" + eventId + "/refund-policy", refundPolicy).then().statusCode(200);
        return eventId;
    }

    /** {@code quantity} tickets of the event's tier, paid on the sandbox's checkout page. */
    private Purchase buy(Buyer buyer, String eventId, int quantity) throws Exception {
        Purchases.Paid paid = Purchases.paid(buyer.api(), organizer.event(eventId).getString("data.tiers[0].id"),
                quantity);
        return new Purchase(buyer, eventId, paid.orderId(), paid.ticketIds());
    }

    private static JsonPath awaitOrder(Buyer buyer, String orderId, String status) throws Exception {
        return Purchases.awaitOrder(buyer.api(), orderId, status, Duration.ofSeconds(20));
    }

    private static Response askRefund(Buyer buyer, String orderId, List<String> ticketIds, String key) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", "I cannot come");
        if (ticketIds != null) {
            body.put("ticketIds", ticketIds);
        }
        var request = buyer.api().request().contentType("application/json").body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/orders/" + orderId + "/refund");
    }

    private static String ticketStatus(Buyer buyer, String ticketId) {
        return buyer.api().get("/api/v1/tickets/" + ticketId).then().statusCode(200).extract().jsonPath()
                .getString("data.status");
    }

    @Test
    void aRequestIsRefusedWithoutAPolicyAndAfterTheDeadline() throws Exception {
        Buyer buyer = buyer();
        Purchase none = buy(buyer, organizer.published(admin, Organizer.eventBody("No refunds", "music", "", SOON),
                "25.50"), 1);
        askRefund(buyer, none.orderId(), null, null).then().statusCode(422)
                .body("error.code", equalTo("REFUND_NOT_ALLOWED")).body("error.details.reason", equalTo("NO_REFUNDS"));

        // Requests close a year before the start: the event is a month away.
        Purchase late = buy(buyer, eventWith(policy("AUTOMATIC", 8760, "0", "0")), 1);
        askRefund(buyer, late.orderId(), null, null).then().statusCode(422)
                .body("error.code", equalTo("REFUND_NOT_ALLOWED"))
                .body("error.details.reason", equalTo("DEADLINE_PASSED"))
                .body("error.details.refundableUntil", org.hamcrest.Matchers.notNullValue());
        assertThat(ticketStatus(buyer, late.ticketIds().get(0))).isEqualTo("VALID");
        awaitOrder(buyer, late.orderId(), "PAID");
        assertThat(Db.integer("SELECT count(*) FROM refunds WHERE order_id = ?::uuid", late.orderId())).isZero();
        LedgerChecks.assertBalanced(admin, late.eventId());
    }

    @Test
    void anAutomaticPolicyRefundsAtOnceLessItsFee() throws Exception {
        Buyer buyer = buyer();
        Purchase p = buy(buyer, eventWith(policy("AUTOMATIC", 24, "10", "1.50")), 2);
        JsonPath answer = askRefund(buyer, p.orderId(), null, "refund-" + UUID.randomUUID()).then().statusCode(201)
                .extract().jsonPath();
        assertThat(answer.getList("data.refunds")).hasSize(1);
        assertThat(answer.getString("data.refunds[0].status")).isEqualTo("SUCCEEDED");
        // Per ticket: 10 % of 25.50 is 2.55, plus 1.50: 4.05 kept, 21.45 back.
        assertThat(new BigDecimal(answer.getString("data.refunds[0].amount"))).isEqualByComparingTo("42.90");
        assertThat(new BigDecimal(answer.getString("data.refunds[0].fee"))).isEqualByComparingTo("8.10");
        assertThat(answer.getList("data.refunds[0].ticketIds", String.class))
                .containsExactlyInAnyOrderElementsOf(p.ticketIds());
        awaitOrder(buyer, p.orderId(), "REFUNDED");
        p.ticketIds().forEach(t -> assertThat(ticketStatus(buyer, t)).isEqualTo("REFUNDED"));
        MimeMessage mail = Mailbox.await(buyer.email(), "went through", Duration.ofSeconds(30)).orElseThrow();
        assertThat(Mailbox.body(mail)).contains("42.90 USD").contains("8.10 USD");
        askRefund(buyer, p.orderId(), null, null).then().statusCode(409)
                .body("error.code", equalTo("REFUND_ALREADY_REQUESTED"));
        assertThat(Db.integer("SELECT count(*) FROM audit_log WHERE action = 'REFUND_REQUESTED' AND actor_id = ?::uuid",
                buyer.userId())).isEqualTo(1);
        // Kept 51.00 - 42.90 = 8.10; the platform's 5 % of 8.10 is 0.405, rounded to 0.41.
        assertThat(LedgerChecks.assertBalanced(admin, p.eventId())).isEqualTo(810 - 41);
    }

    @Test
    void paymentsSettledBeforeTheLedgerExistedAreEnteredInItOnce() throws Exception {
        String eventId = eventWith(policy("AUTOMATIC", 24, "10", "1.50"));
        Buyer keeper = buyer();
        buy(keeper, eventId, 1);
        Buyer refunder = buyer();
        Purchase refunded = buy(refunder, eventId, 2);
        askRefund(refunder, refunded.orderId(), null, "refund-" + UUID.randomUUID()).then().statusCode(201);
        awaitOrder(refunder, refunded.orderId(), "REFUNDED");
        long balance = LedgerChecks.assertBalanced(admin, eventId);

        // An installation upgraded from before the ledger (V16): these payments and refunds have no entries.
        Db.update("ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only");
        try {
            Db.update("DELETE FROM ledger_entries WHERE event_id = ?::uuid", eventId);
        } finally {
            Db.update("ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_append_only");
        }
        Instant deadline = Instant.now().plusSeconds(30);
        while (Db.integer("SELECT count(*) FROM ledger_entries WHERE event_id = ?::uuid AND kind = 'REFUNDED'",
                eventId) == 0) {
            assertThat(Instant.now()).as("the payout sweep enters the payments again").isBefore(deadline);
            Thread.sleep(250);
        }
        Thread.sleep(2500); // more sweeps: each entry is written once
        assertThat(LedgerChecks.assertBalanced(admin, eventId)).isEqualTo(balance);
        assertThat(Db.rows("SELECT kind, count(*) FROM ledger_entries WHERE event_id = ?::uuid GROUP BY kind "
                + "ORDER BY kind", eventId)).containsExactly("CAPTURED | 2", "PLATFORM_FEE | 3", "REFUNDED | 1");
    }

    @Test
    void theOrganizerListsTheEventsOrdersAndExportsThemAsCsv() throws Exception {
        String eventId = eventWith(policy("AUTOMATIC", 24, "10", "1.50"));
        Buyer keeper = buyer();
        Purchase kept = buy(keeper, eventId, 2);
        // A buyer whose name a spreadsheet would run as a formula.
        Api client = api();
        String email = TestUsers.uniqueEmail("formula");
        client.post("/api/v1/auth/register", Map.of("email", email, "password", "refunder passphrase",
                "firstName", "=HYPERLINK(\"http://x\")", "lastName", "Buyer")).then().statusCode(201);
        Api formula = client.as((String) client.login(email, "refunder passphrase").get("accessToken"));
        Purchase refunded = buy(new Buyer(formula, email, null), eventId, 1);
        askRefund(new Buyer(formula, email, null), refunded.orderId(), null, "refund-" + UUID.randomUUID())
                .then().statusCode(201);
        awaitOrder(new Buyer(formula, email, null), refunded.orderId(), "REFUNDED");

        String path = "/api/v1/events/" + eventId + "/orders";
        JsonPath all = organizer.api.get(path).then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("data.items.orderId", String.class)).containsExactly(refunded.orderId(), kept.orderId());
        assertThat(all.getString("data.items[1].buyerEmail")).isEqualTo(keeper.email());
        assertThat(all.getInt("data.items[1].tickets")).isEqualTo(2);
        assertThat(new BigDecimal(all.getString("data.items[1].amount"))).isEqualByComparingTo("51.00");
        assertThat(all.getString("data.items[1].paymentStatus")).isEqualTo("COMPLETED");
        assertThat(all.getString("data.items[0].status")).isEqualTo("REFUNDED");
        assertThat(organizer.api.get(path + "?status=REFUNDED").then().statusCode(200).extract().jsonPath()
                .getList("data.items.orderId", String.class)).containsExactly(refunded.orderId());

        String csv = organizer.api.request().accept("text/csv").get(path).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("orders-" + eventId + ".csv"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("orderId,buyerName,buyerEmail,status,paymentStatus,provider,tickets,amount,"
                + "currency,createdAt,paidAt");
        assertThat(lines[1]).startsWith(refunded.orderId() + ",\"'=HYPERLINK(\"\"http://x\"\") Buyer\",")
                .contains(",REFUNDED,");
        assertThat(lines[2]).startsWith(kept.orderId() + ",\"Test User\",\"" + keeper.email() + "\",PAID,COMPLETED,")
                .contains(",2,51.00,USD,");

        organizer.api.get(path + "?status=LOST").then().statusCode(400);
        keeper.api().get(path).then().statusCode(403);
        Organizer other = Organizer.verified(api(), admin, "other-orders");
        other.api.get(path).then().statusCode(403);
        organizer.api.get("/api/v1/events/" + UUID.randomUUID() + "/orders").then().statusCode(404);
    }

    @Test
    void theOrganizerApprovesOneTicketOfThreeAndRejectsAnother() throws Exception {
        Buyer buyer = buyer();
        Purchase p = buy(buyer, eventWith(policy("APPROVAL", 0, "0", "0")), 3);
        String first = p.ticketIds().get(0);
        String refundId = askRefund(buyer, p.orderId(), List.of(first), null).then().statusCode(201)
                .body("data.refunds[0].status", equalTo("REQUESTED")).extract().jsonPath()
                .getString("data.refunds[0].id");
        awaitOrder(buyer, p.orderId(), "REFUND_REQUESTED");
        assertThat(ticketStatus(buyer, first)).as("valid until approved").isEqualTo("VALID");
        askRefund(buyer, p.orderId(), List.of(first), null).then().statusCode(409)
                .body("error.code", equalTo("REFUND_ALREADY_REQUESTED"));

        assertThat(organizer.api.get("/api/v1/organizers/me/refund-requests").then().statusCode(200).extract()
                .jsonPath().getList("data.items.id", String.class)).containsExactly(refundId);
        Organizer other = Organizer.verified(api(), admin, "other-approver");
        assertThat(other.api.get("/api/v1/organizers/me/refund-requests").then().statusCode(200).extract().jsonPath()
                .getList("data.items")).isEmpty();
        other.api.post("/api/v1/organizers/me/refund-requests/" + refundId + "/approve", Map.of()).then()
                .statusCode(404);
        other.api.post("/api/v1/organizers/me/refund-requests/" + refundId + "/reject", Map.of("reason", "no"))
                .then().statusCode(404);
        buyer.api().post("/api/v1/organizers/me/refund-requests/" + refundId + "/approve", Map.of()).then()
                .statusCode(403);

        organizer.api.post("/api/v1/organizers/me/refund-requests/" + refundId + "/approve", Map.of()).then()
                .statusCode(200).body("data.status", equalTo("SUCCEEDED"));
        awaitOrder(buyer, p.orderId(), "PARTIALLY_REFUNDED");
        assertThat(ticketStatus(buyer, first)).isEqualTo("REFUNDED");
        assertThat(ticketStatus(buyer, p.ticketIds().get(1))).isEqualTo("VALID");
        organizer.api.post("/api/v1/organizers/me/refund-requests/" + refundId + "/approve", Map.of()).then()
                .statusCode(409).body("error.code", equalTo("INVALID_STATE_TRANSITION"));
        assertThat(LedgerChecks.assertBalanced(admin, p.eventId())).as("two tickets kept, less 5 %")
                .isEqualTo(5100 - 255);

        String second = p.ticketIds().get(1);
        String rejected = askRefund(buyer, p.orderId(), List.of(second), null).then().statusCode(201).extract()
                .jsonPath().getString("data.refunds[0].id");
        organizer.api.post("/api/v1/organizers/me/refund-requests/" + rejected + "/reject", Map.of()).then()
                .statusCode(400);
        organizer.api.post("/api/v1/organizers/me/refund-requests/" + rejected + "/reject",
                Map.of("reason", "The band plays anyway")).then().statusCode(200)
                .body("data.status", equalTo("REJECTED")).body("data.decisionReason", equalTo("The band plays anyway"));
        awaitOrder(buyer, p.orderId(), "PARTIALLY_REFUNDED");
        assertThat(ticketStatus(buyer, second)).isEqualTo("VALID");
        MimeMessage declined = Mailbox.await(buyer.email(), "was declined", Duration.ofSeconds(30)).orElseThrow();
        assertThat(Mailbox.body(declined)).contains("The band plays anyway");
        assertThat(buyer.api().get("/api/v1/orders/" + p.orderId() + "/refunds").then().statusCode(200).extract()
                .jsonPath().getList("data.status", String.class)).containsExactly("SUCCEEDED", "REJECTED");
        assertThat(organizer.api.get("/api/v1/organizers/me/refund-requests?status=REJECTED").then().statusCode(200)
                .extract().jsonPath().getList("data.items.id", String.class)).containsExactly(rejected);
        assertThat(Db.integer("SELECT count(*) FROM audit_log WHERE action IN ('REFUND_APPROVED', 'REFUND_REJECTED') "
                + "AND actor_id = ?::uuid", organizer.userId)).isEqualTo(2);
        assertThat(LedgerChecks.assertBalanced(admin, p.eventId())).isEqualTo(5100 - 255);
    }

    @Test
    void aDoubleClickedRequestMakesOneRefund() throws Exception {
        Buyer buyer = buyer();
        Purchase p = buy(buyer, eventWith(policy("AUTOMATIC", 0, "0", "0")), 2);
        String key = "double-" + UUID.randomUUID();
        List<String> keys = new ArrayList<>();
        List<Callable<Response>> clicks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String k = i < 3 ? key : "other-" + i + "-" + UUID.randomUUID();
            keys.add(k);
            clicks.add(() -> askRefund(buyer, p.orderId(), null, k));
        }
        ExecutorService pool = Executors.newFixedThreadPool(clicks.size());
        String winningKey = null;
        try {
            List<Future<Response>> answers = pool.invokeAll(clicks);
            for (int i = 0; i < answers.size(); i++) {
                Response r = answers.get(i).get();
                assertThat(r.statusCode()).as(r.asString()).isIn(201, 409);
                if (r.statusCode() == 201 && r.header("Idempotent-Replayed") == null) {
                    assertThat(winningKey).as("one request made the refund").isNull();
                    winningKey = keys.get(i);
                }
            }
        } finally {
            pool.shutdown();
        }
        assertThat(winningKey).isNotNull();
        assertThat(Db.integer("SELECT count(*) FROM refunds WHERE order_id = ?::uuid", p.orderId())).isEqualTo(1);
        assertThat(Db.integer("SELECT count(*) FROM ledger_entries WHERE kind = 'REFUNDED' AND payment_id IN "
                + "(SELECT id FROM payments WHERE order_id = ?::uuid)", p.orderId())).isEqualTo(1);
        awaitOrder(buyer, p.orderId(), "REFUNDED");
        askRefund(buyer, p.orderId(), null, winningKey).then().statusCode(201).header("Idempotent-Replayed", "true");
        askRefund(buyer, p.orderId(), null, "late-" + UUID.randomUUID()).then().statusCode(409)
                .body("error.code", equalTo("REFUND_ALREADY_REQUESTED"));
        assertThat(Db.integer("SELECT count(*) FROM refunds WHERE order_id = ?::uuid", p.orderId())).isEqualTo(1);
        assertThat(LedgerChecks.assertBalanced(admin, p.eventId())).isZero();
    }

    @Test
    void onlyTheBuyerMayAskAndOnlyForTicketsTheyStillHold() throws Exception {
        Buyer buyer = buyer();
        Purchase p = buy(buyer, eventWith(policy("AUTOMATIC", 0, "0", "0")), 3);
        Buyer stranger = buyer();
        askRefund(stranger, p.orderId(), null, null).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        stranger.api().get("/api/v1/orders/" + p.orderId() + "/refunds").then().statusCode(404);
        stranger.api().get("/api/v1/orders/" + p.orderId()).then().statusCode(404);
        api().post("/api/v1/orders/" + p.orderId() + "/refund", Map.of("reason", "x")).then().statusCode(401);
        askRefund(buyer, p.orderId(), List.of(UUID.randomUUID().toString()), null).then().statusCode(404);
        buyer.api().post("/api/v1/orders/" + p.orderId() + "/refund", Map.of()).then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_FAILED"));

        String checkedIn = p.ticketIds().get(0);
        String transferred = p.ticketIds().get(1);
        Db.update("UPDATE tickets SET status = 'CHECKED_IN', checked_in_at = now() WHERE id = ?::uuid", checkedIn);
        Db.update("UPDATE tickets SET owner_id = ?::uuid WHERE id = ?::uuid", stranger.userId(), transferred);
        askRefund(buyer, p.orderId(), List.of(checkedIn, transferred), null).then().statusCode(409)
                .body("error.code", equalTo("TICKET_NOT_REFUNDABLE"))
                .body("error.details.tickets." + checkedIn, equalTo("CHECKED_IN"))
                .body("error.details.tickets." + transferred, equalTo("TRANSFERRED"));
        askRefund(buyer, p.orderId(), null, null).then().statusCode(409).body("error.code", equalTo("TICKET_NOT_REFUNDABLE"));
        JsonPath partial = askRefund(buyer, p.orderId(), List.of(p.ticketIds().get(2)), null).then().statusCode(201)
                .extract().jsonPath();
        assertThat(new BigDecimal(partial.getString("data.refunds[0].amount"))).isEqualByComparingTo("25.50");
        awaitOrder(buyer, p.orderId(), "PARTIALLY_REFUNDED");
        assertThat(LedgerChecks.assertBalanced(admin, p.eventId())).isEqualTo(5100 - 255);
    }
}
