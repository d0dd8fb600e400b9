package com.eventix.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.eventix.testing.Api;
import com.eventix.testing.IntegrationTest;
import com.eventix.testing.Organizer;
import com.eventix.testing.Purchases;
import com.eventix.testing.TestUsers;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
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
import org.junit.jupiter.api.Test;

/**
 * The admin console's view of an account (its orders, its audit trail), audit log queries by target and time, and
 * role changes: who may change whose role, when it takes effect, and that two admins demoting each other at once
 * leave one admin.
 */
class AdminConsoleIT extends IntegrationTest {
    private static final String PASSWORD = "console passphrase";

    private record Account(Api api, String email, String id) {
    }

    private Account account(String prefix) {
        Api anonymous = api();
        String email = TestUsers.uniqueEmail(prefix);
        Map<String, Object> tokens = anonymous.registerAndLogin(email, PASSWORD);
        return new Account(anonymous.as((String) tokens.get("accessToken")), email,
                (String) ((Map<?, ?>) tokens.get("user")).get("id"));
    }

    private Api signedInAgain(Account account) {
        Api anonymous = api();
        return anonymous.as((String) anonymous.login(account.email(), PASSWORD).get("accessToken"));
    }

    @Test
    void anAdminReadsAnAccountsOrdersAndAuditTrailAndQueriesTheLogByTargetAndTime() throws Exception {
        Api admin = admin();
        Instant before = Instant.now().minusSeconds(1);
        Organizer organizer = Organizer.verified(api(), admin, "console");
        String eventId = organizer.published(admin, Organizer.eventBody("Console night", "music", "",
                Instant.now().plus(20, ChronoUnit.DAYS)), "20.00");
        Account buyer = account("console-buyer");
        Purchases.Paid paid = Purchases.paid(buyer.api(), organizer.event(eventId).getString("data.tiers[0].id"), 2);
        admin.post("/api/v1/admin/users/" + buyer.id() + "/ban", Map.of("reason", "Chargeback fraud"))
                .then().statusCode(200);
        admin.post("/api/v1/admin/users/" + buyer.id() + "/unban", Map.of()).then().statusCode(200);

        JsonPath orders = admin.get("/api/v1/admin/users/" + buyer.id() + "/orders").then().statusCode(200)
                .extract().jsonPath();
        assertThat(orders.getList("data.items.orderId", String.class)).containsExactly(paid.orderId());
        assertThat(orders.getString("data.items[0].status")).isEqualTo("PAID");
        assertThat(orders.getList("data.items[0].ticketIds", String.class)).hasSize(2);

        JsonPath trail = admin.get("/api/v1/admin/users/" + buyer.id() + "/audit-log?size=100").then().statusCode(200)
                .extract().jsonPath();
        assertThat(trail.getList("data.items.action", String.class)).as("newest first: what was done to the account "
                + "and what it did").containsSubsequence("USER_UNBANNED", "USER_BANNED", "ORDER_PLACED",
                "USER_REGISTERED");
        assertThat(trail.getList("data.items.actorId", String.class)).contains(buyer.id());

        JsonPath onTheAccount = admin.request().queryParam("resourceType", "user").queryParam("resourceId", buyer.id())
                .queryParam("from", before.toString()).queryParam("to", Instant.now().plusSeconds(60).toString())
                .get("/api/v1/admin/audit-log").then().statusCode(200).extract().jsonPath();
        assertThat(onTheAccount.getList("data.items.action", String.class))
                .containsSubsequence("USER_UNBANNED", "USER_BANNED", "LOGIN", "USER_REGISTERED");
        assertThat(onTheAccount.getList("data.items.resourceId", String.class)).containsOnly(buyer.id());
        assertThat(onTheAccount.getList("data.items.action", String.class)).doesNotContain("ORDER_PLACED");
        assertThat(admin.request().queryParam("resourceId", buyer.id())
                .queryParam("from", Instant.now().plusSeconds(3600).toString()).get("/api/v1/admin/audit-log").then()
                .statusCode(200).extract().jsonPath().getList("data.items")).as("nothing happened in the future")
                .isEmpty();
        assertThat(admin.get("/api/v1/admin/audit-log?action=USER_BANNED&actorId=" + adminId(admin)
                + "&resourceId=" + buyer.id()).then().statusCode(200).extract().jsonPath().getInt("data.total"))
                .isEqualTo(1);

        admin.get("/api/v1/admin/audit-log?from=null&to=yesterday").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_FAILED"))
                .body("error.details.from", org.hamcrest.Matchers.notNullValue())
                .body("error.details.to", org.hamcrest.Matchers.notNullValue());
        admin.request().queryParam("from", Instant.now().toString()).queryParam("to", before.toString())
                .get("/api/v1/admin/audit-log").then().statusCode(400)
                .body("error.details.to", equalTo("must be after from"));
        admin.get("/api/v1/admin/audit-log?action=" + "A".repeat(5000)).then().statusCode(400)
                .body("error.details.action", org.hamcrest.Matchers.notNullValue());
        admin.get("/api/v1/admin/audit-log?actorId=null").then().statusCode(400);
        admin.get("/api/v1/admin/users/" + UUID.randomUUID() + "/orders").then().statusCode(404);
        admin.get("/api/v1/admin/users/" + UUID.randomUUID() + "/audit-log").then().statusCode(404);
        buyer.api().get("/api/v1/admin/users/" + buyer.id() + "/orders").then().statusCode(403);
        organizer.api.get("/api/v1/admin/users/" + buyer.id() + "/audit-log").then().statusCode(403);
        organizer.api.get("/api/v1/admin/audit-log").then().statusCode(403);
    }

    private static String adminId(Api admin) {
        return admin.get("/api/v1/users/me").then().statusCode(200).extract().jsonPath().getString("data.id");
    }

    private List<String> listedOf(Organizer organizer) {
        return api().request().queryParam("organizerId", organizer.organizerId).get("/api/v1/events").then()
                .statusCode(200).extract().jsonPath().getList("data.items.id", String.class);
    }

    @Test
    void aSuspendedEventLeavesTheListingsAndStopsSellingUntilItIsReinstated() throws Exception {
        Api admin = admin();
        Organizer organizer = Organizer.verified(api(), admin, "suspended");
        String eventId = organizer.published(admin, Organizer.eventBody("Suspended night", "music", "",
                Instant.now().plus(20, ChronoUnit.DAYS)), "20.00");
        String tierId = organizer.event(eventId).getString("data.tiers[0].id");
        Account buyer = account("suspend-buyer");
        Purchases.Paid paid = Purchases.paid(buyer.api(), tierId, 1);
        assertThat(listedOf(organizer)).containsExactly(eventId);
        String suspend = "/api/v1/admin/events/" + eventId + "/suspend";

        admin.post(suspend, Map.of()).then().statusCode(400).body("error.code", equalTo("VALIDATION_FAILED"));
        organizer.api.post(suspend, Map.of("reason", "mine")).then().statusCode(403);
        admin.post(suspend, Map.of("reason", "Counterfeit listing reported")).then().statusCode(200)
                .body("data.status", equalTo("PUBLISHED"))
                .body("data.suspendedAt", org.hamcrest.Matchers.notNullValue())
                .body("data.suspensionReason", equalTo("Counterfeit listing reported"));
        admin.post(suspend, Map.of("reason", "again")).then().statusCode(409)
                .body("error.code", equalTo("INVALID_STATE_TRANSITION"));

        assertThat(listedOf(organizer)).as("out of the listings").isEmpty();
        api().get("/api/v1/events/" + eventId).then().statusCode(200)
                .body("data.suspensionReason", equalTo("Counterfeit listing reported"));
        buyer.api().post("/api/v1/tickets/reserve", Map.of("tierId", tierId, "quantity", 1)).then().statusCode(422)
                .body("error.code", equalTo("SALES_CLOSED"));
        buyer.api().get("/api/v1/tickets/" + paid.ticketIds().get(0)).then().statusCode(200)
                .body("data.status", equalTo("VALID"));
        String contact = com.eventix.testing.Db.rows("SELECT contact_email FROM organizers WHERE id = ?::uuid",
                organizer.organizerId).get(0);
        assertThat(com.eventix.testing.Mailbox.await(contact, "is suspended", java.time.Duration.ofSeconds(30)))
                .isPresent();

        String reinstate = "/api/v1/admin/events/" + eventId + "/reinstate";
        admin.post(reinstate, Map.of()).then().statusCode(200).body("data.suspendedAt", org.hamcrest.Matchers.nullValue());
        admin.post(reinstate, Map.of()).then().statusCode(409);
        admin.post("/api/v1/admin/events/" + UUID.randomUUID() + "/reinstate", Map.of()).then().statusCode(404);
        assertThat(listedOf(organizer)).containsExactly(eventId);
        buyer.api().post("/api/v1/tickets/reserve", Map.of("tierId", tierId, "quantity", 1)).then().statusCode(201);
        assertThat(com.eventix.testing.Mailbox.await(contact, "is reinstated", java.time.Duration.ofSeconds(30)))
                .isPresent();
        assertThat(admin.get("/api/v1/admin/audit-log?resourceType=event&resourceId=" + eventId).then().statusCode(200)
                .extract().jsonPath().getList("data.items.action", String.class))
                .containsSubsequence("EVENT_REINSTATED", "EVENT_SUSPENDED", "EVENT_APPROVED");
    }

    @Test
    void aRoleChangeTakesEffectWithTheNextTokenAndIsRefusedWhereItWouldDoHarm() throws Exception {
        Api admin = admin();
        Account helper = account("console-helper");
        String role = "/api/v1/admin/users/" + helper.id() + "/role";

        admin.post(role, Map.of("role", "null")).then().statusCode(400).body("error.code", equalTo("VALIDATION_FAILED"))
                .body("error.details.role", org.hamcrest.Matchers.notNullValue());
        admin.post(role, Map.of()).then().statusCode(400);
        admin.post(role, Map.of("role", "ORGANIZER")).then().statusCode(409)
                .body("error.code", equalTo("ROLE_CHANGE_NOT_ALLOWED"))
                .body("error.details.reason", equalTo("NOT_A_VERIFIED_ORGANIZER"));
        admin.post("/api/v1/admin/users/" + adminId(admin) + "/role", Map.of("role", "ATTENDEE")).then()
                .statusCode(409).body("error.details.reason", equalTo("SELF"));
        admin.post("/api/v1/admin/users/" + UUID.randomUUID() + "/role", Map.of("role", "ADMIN")).then()
                .statusCode(404);
        helper.api().post(role, Map.of("role", "ADMIN")).then().statusCode(403);

        admin.post(role, Map.of("role", "ADMIN")).then().statusCode(200).body("data.role", equalTo("ADMIN"));
        admin.post(role, Map.of("role", "ADMIN")).then().statusCode(200).body("data.role", equalTo("ADMIN"));
        // The old token still says ATTENDEE; the next one says ADMIN.
        helper.api().get("/api/v1/admin/users").then().statusCode(403);
        Api promoted = signedInAgain(helper);
        promoted.get("/api/v1/admin/users").then().statusCode(200);

        admin.post(role, Map.of("role", "ATTENDEE")).then().statusCode(200).body("data.role", equalTo("ATTENDEE"));
        Account other = account("console-other");
        // Demoted: its token still says ADMIN, but roles are decided on the accounts as they are now.
        promoted.post("/api/v1/admin/users/" + other.id() + "/role", Map.of("role", "ADMIN")).then().statusCode(403)
                .body("error.code", equalTo("FORBIDDEN"));
        signedInAgain(helper).get("/api/v1/admin/users").then().statusCode(403);
        JsonPath changes = admin.get("/api/v1/admin/audit-log?action=USER_ROLE_CHANGED&resourceId=" + helper.id())
                .then().statusCode(200).extract().jsonPath();
        assertThat(changes.getList("data.items.details", String.class))
                .containsExactly("ADMIN -> ATTENDEE", "ATTENDEE -> ADMIN");
    }

    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveOneOfThemAdmin() throws Exception {
        Api admin = admin();
        for (int round = 0; round < 3; round++) {
            Account first = account("console-first");
            Account second = account("console-second");
            admin.post("/api/v1/admin/users/" + first.id() + "/role", Map.of("role", "ADMIN")).then().statusCode(200);
            admin.post("/api/v1/admin/users/" + second.id() + "/role", Map.of("role", "ADMIN")).then().statusCode(200);
            Api firstAdmin = signedInAgain(first);
            Api secondAdmin = signedInAgain(second);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Response>> answers = new ArrayList<>();
                answers.add(pool.submit(() -> {
                    start.await();
                    return firstAdmin.post("/api/v1/admin/users/" + second.id() + "/role", Map.of("role", "ATTENDEE"));
                }));
                answers.add(pool.submit(() -> {
                    start.await();
                    return secondAdmin.post("/api/v1/admin/users/" + first.id() + "/role", Map.of("role", "ATTENDEE"));
                }));
                start.countDown();
                List<Integer> codes = new ArrayList<>();
                for (Future<Response> answer : answers) {
                    codes.add(answer.get().statusCode());
                }
                assertThat(codes).as("round %d", round).containsExactlyInAnyOrder(200, 403);
            } finally {
                pool.shutdown();
            }
            List<String> roles = List.of(first.id(), second.id()).stream().map(id -> admin.get("/api/v1/admin/users/" + id)
                    .then().statusCode(200).extract().jsonPath().getString("data.role")).toList();
            assertThat(roles).containsExactlyInAnyOrder("ADMIN", "ATTENDEE");
        }
    }
}
