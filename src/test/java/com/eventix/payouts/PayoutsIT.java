package com.eventix.payouts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.eventix.testing.Api;
import com.eventix.testing.Db;
import com.eventix.testing.IntegrationTest;
import com.eventix.testing.Organizer;
import com.eventix.testing.ProviderEmulator;
import com.eventix.testing.Purchases;
import com.eventix.testing.SharedServices;
import com.eventix.testing.TestUsers;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.path.json.JsonPath;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Organizers' money leaving the platform: once an event is completed and PAYOUT_DELAY has passed, what the ledger
 * owes is paid to the organizer's Stripe or Paystack account (emulated over HTTP), less the reserve, and the reserve
 * after its period; exactly once under duplicate messages, a broker outage and lost answers; refused transfers retried, then given up
 * with the money owed again; admins' holds; and who may see what.
 */
// It stops the broker, and counts transfer attempts another class's broker stop would add to.
@ResourceLock(SharedServices.BROKER)
class PayoutsIT extends IntegrationTest {
    private static final Instant SOON = Instant.now().plus(30, ChronoUnit.DAYS);
    private WireMockServer provider;
    private Api admin;

    @BeforeEach
    void setUp() {
        provider = services().providers.server();
        admin = admin();
    }

    private record Sale(Organizer organizer, String eventId) {
    }

    /** A verified organizer's event at 50.00 USD a ticket with {@code tickets} sold and paid in the sandbox. */
    private Sale sale(String name, int tickets) throws Exception {
        Organizer organizer = Organizer.verified(api(), admin, name);
        String eventId = organizer.published(admin, Organizer.eventBody("Payout night " + name, "music", "", SOON),
                "50.00");
        String tierId = organizer.event(eventId).getString("data.tiers[0].id");
        Api buyer = TestUsers.signedIn(1, i -> api(), "payee", "payee passphrase").get(0);
        Purchases.paid(buyer, tierId, tickets);
        return new Sale(organizer, eventId);
    }

    /** The event took place and ended {@code daysAgo} days ago. */
    private static void ended(String eventId, int daysAgo) throws SQLException {
        Db.update("UPDATE events SET status = 'COMPLETED', start_time = now() - make_interval(days => ?::int + 1), "
                + "end_time = now() - make_interval(days => ?::int) WHERE id = ?::uuid",
                String.valueOf(daysAgo), String.valueOf(daysAgo), eventId);
    }

    private static void account(Sale sale, String provider, String accountId) {
        sale.organizer().api.put("/api/v1/organizers/me/payout-account", Map.of("provider", provider,
                "accountId", accountId)).then().statusCode(200).body("data.provider", equalTo(provider))
                .body("data.accountId", equalTo(accountId)).body("data.held", equalTo(false));
    }

    private static List<Map<String, Object>> payouts(Sale sale) {
        return sale.organizer().api.get("/api/v1/organizers/me/payouts").then().statusCode(200).extract().jsonPath()
                .getList("data.items");
    }

    private List<LoggedRequest> transfers(String destination) {
        return provider.findAll(postRequestedFor(urlEqualTo("/v1/transfers"))
                .withRequestBody(containing("destination=" + destination)));
    }

    private static long ledgerTotal(String eventId) throws SQLException {
        return Long.parseLong(Db.rows("SELECT COALESCE(SUM(amount_minor), 0) FROM ledger_entries WHERE event_id = ?::uuid",
                eventId).get(0));
    }

    private static String stripeAccount() {
        return "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** A new Stripe account of the sale's organizer, whose transfers the provider makes (and has none before). */
    private String stripeAccountThatTakesTransfers(Sale sale) {
        String destination = stripeAccount();
        account(sale, "STRIPE", destination);
        provider.stubFor(get(urlPathEqualTo("/v1/transfers")).willReturn(okJson("{\"object\":\"list\",\"data\":[]}")));
        stubStripeTransfers(provider, destination);
        return destination;
    }

    private static void stubStripeTransfers(WireMockServer provider, String destination) {
        provider.stubFor(post(urlEqualTo("/v1/transfers")).withRequestBody(containing("destination=" + destination))
                .willReturn(okJson("{\"id\":\"tr_" + destination.substring(5) + "\",\"object\":\"transfer\"}")));
    }

    @Test
    void aCompletedEventIsPaidOutOnceLessTheReserveAndTheReserveAfterItsPeriod() throws Exception {
        Sale sale = sale("payout-stripe", 2);
        String destination = stripeAccountThatTakesTransfers(sale);

        ended(sale.eventId(), 3);
        Thread.sleep(3_000);
        assertThat(payouts(sale)).as("not before PAYOUT_DELAY").isEmpty();
        JsonPath waiting = sale.organizer().api.get("/api/v1/organizers/me/balance").then().statusCode(200).extract()
                .jsonPath();
        assertThat(money(waiting, "data[0].captured")).isEqualByComparingTo("100.00");
        assertThat(money(waiting, "data[0].fees")).isEqualByComparingTo("-5.00");
        assertThat(money(waiting, "data[0].balance")).isEqualByComparingTo("95.00");
        assertThat(money(waiting, "data[0].reserved")).isEqualByComparingTo("10.00");
        assertThat(money(waiting, "data[0].available")).isEqualByComparingTo("85.00");

        ended(sale.eventId(), 8);
        awaitTrue("the first payout is paid", () -> payouts(sale).stream().anyMatch(p -> "PAID".equals(p.get("status"))));
        Map<String, Object> first = payouts(sale).get(0);
        assertThat(first.get("amount").toString()).isEqualTo("85.0");
        assertThat(first.get("providerTransferId")).isEqualTo("tr_" + destination.substring(5));
        List<LoggedRequest> sent = transfers(destination);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getHeader("Idempotency-Key")).isEqualTo("payout:" + first.get("id"));
        assertThat(sent.get(0).getBodyAsString()).contains("amount=8500").contains("currency=usd")
                .contains("transfer_group=" + first.get("id"));

        // The same message again (a redelivery): the payout is paid, nothing is sent.
        Db.update("INSERT INTO outbox_messages (id, destination, payload) VALUES (gen_random_uuid(), "
                + "'eventix.payouts', ?)", "{\"payoutId\":\"" + first.get("id") + "\",\"attemptsBefore\":0}");
        Thread.sleep(3_000);
        assertThat(transfers(destination)).as("one transfer per payout").hasSize(1);
        assertThat(payouts(sale)).hasSize(1);
        JsonPath after = sale.organizer().api.get("/api/v1/organizers/me/balance").then().statusCode(200).extract()
                .jsonPath();
        assertThat(money(after, "data[0].paidOut")).isEqualByComparingTo("-85.00");
        assertThat(money(after, "data[0].balance")).isEqualByComparingTo("10.00");
        assertThat(money(after, "data[0].available")).isEqualByComparingTo("0.00");

        ended(sale.eventId(), 70);
        awaitTrue("the reserve is paid out", () -> payouts(sale).size() == 2
                && payouts(sale).stream().allMatch(p -> "PAID".equals(p.get("status"))));
        assertThat(payouts(sale).get(0).get("amount").toString()).isEqualTo("10.0");
        assertThat(transfers(destination)).hasSize(2);
        assertThat(ledgerTotal(sale.eventId())).as("nothing owed any more").isZero();
        assertThat(Db.rows("SELECT SUM(amount_minor) FROM ledger_entries WHERE event_id = ?::uuid AND kind = 'PAYOUT'",
                sale.eventId())).containsExactly("-9500");
    }

    @Test
    void anEventIsPaidOutBehindHundredsOfSettledOnesThatEndedBeforeIt() throws Exception {
        Sale sale = sale("payout-crowd", 1);
        String destination = stripeAccountThatTakesTransfers(sale);
        // More completed events than a sweep's page, all in the window, all ended before this one, none owed anything.
        Db.update("""
                INSERT INTO events (id, organizer_id, title, category, location, start_time, end_time, status)
                SELECT gen_random_uuid(), organizer_id, 'Settled night ' || n, category, location,
                       now() - make_interval(days => 21), now() - make_interval(days => 20), 'COMPLETED'
                FROM events, generate_series(1, 450) AS n WHERE id = ?::uuid""", sale.eventId());

        ended(sale.eventId(), 8);
        awaitTrue("the payout is paid", () -> payouts(sale).stream().anyMatch(p -> "PAID".equals(p.get("status"))));
        assertThat(transfers(destination)).hasSize(1);
    }

    @Test
    void aPayoutMadeWhileTheBrokerIsDownIsSentOnceWhenItReturns() throws Exception {
        Sale sale = sale("payout-broker", 1);
        String destination = stripeAccountThatTakesTransfers(sale);
        services().broker.stop();
        try {
            ended(sale.eventId(), 8);
            awaitTrue("the payout is made", () -> !payouts(sale).isEmpty());
            Thread.sleep(2_000);
            assertThat(payouts(sale)).extracting(p -> p.get("status")).as("waiting for the broker")
                    .containsExactly("SCHEDULED");
            assertThat(transfers(destination)).isEmpty();
        } finally {
            services().broker.start();
        }
        awaitTrue("paid once the broker is back", () -> "PAID".equals(payouts(sale).get(0).get("status")));
        Thread.sleep(2_000);
        assertThat(transfers(destination)).hasSize(1);
        assertThat(payouts(sale)).hasSize(1);
        assertThat(payouts(sale).get(0).get("attempts")).isEqualTo(1);
    }

    @Test
    void aBrokerRestartedWhileATransferIsInFlightPaysOnceAndLaterPayoutsStillFlow() throws Exception {
        Sale sale = sale("payout-restart", 1);
        String destination = stripeAccount();
        account(sale, "STRIPE", destination);
        provider.stubFor(get(urlPathEqualTo("/v1/transfers")).willReturn(okJson("{\"object\":\"list\",\"data\":[]}")));
        provider.stubFor(post(urlEqualTo("/v1/transfers")).withRequestBody(containing("destination=" + destination))
                .willReturn(okJson("{\"id\":\"tr_" + destination.substring(5) + "\",\"object\":\"transfer\"}")
                        .withFixedDelay(3_000)));
        ended(sale.eventId(), 8);
        awaitTrue("the transfer is on its way", () -> !payouts(sale).isEmpty()
                && "SENDING".equals(payouts(sale).get(0).get("status")));
        services().broker.stop();
        services().broker.start();

        awaitTrue("paid", () -> "PAID".equals(payouts(sale).get(0).get("status")));
        Thread.sleep(3_000);
        assertThat(transfers(destination)).as("the message's redelivery or loss sends nothing again").hasSize(1);
        assertThat(payouts(sale)).hasSize(1);
        assertThat(payouts(sale).get(0).get("attempts")).isEqualTo(1);
        assertThat(payouts(sale).get(0).get("amount").toString()).isEqualTo("42.5");
        assertThat(ledgerTotal(sale.eventId())).as("50.00 less the platform's 5 %, paid out but the reserve")
                .isEqualTo(500);

        Sale next = sale("payout-after-restart", 1);
        String nextDestination = stripeAccountThatTakesTransfers(next);
        ended(next.eventId(), 8);
        awaitTrue("the consumer took up the restarted broker", () -> !payouts(next).isEmpty()
                && "PAID".equals(payouts(next).get(0).get("status")));
        assertThat(transfers(nextDestination)).hasSize(1);
    }

    @Test
    void aTransferWhoseAnswerWasLostIsFoundAtTheProviderAndNotSentAgain() throws Exception {
        Sale sale = sale("payout-lost", 1);
        String destination = stripeAccount();
        account(sale, "STRIPE", destination);
        String scenario = "lost answer " + destination;
        List<StubMapping> stubs = new java.util.ArrayList<>();
        stubs.add(provider.stubFor(post(urlEqualTo("/v1/transfers")).withRequestBody(containing("destination=" + destination))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("sent")));
        stubs.add(provider.stubFor(post(urlEqualTo("/v1/transfers")).withRequestBody(containing("destination=" + destination))
                .inScenario(scenario).whenScenarioStateIs("sent")
                .willReturn(okJson("{\"id\":\"tr_second_send\",\"object\":\"transfer\"}"))));
        stubs.add(provider.stubFor(get(urlPathEqualTo("/v1/transfers")).atPriority(1).inScenario(scenario)
                .whenScenarioStateIs("sent").willReturn(okJson("{\"object\":\"list\",\"data\":[{\"id\":\"tr_made\","
                        + "\"object\":\"transfer\",\"destination\":\"" + destination + "\"}]}"))));
        try {
            ended(sale.eventId(), 8);
            awaitTrue("the payout is paid", () -> payouts(sale).stream().anyMatch(p -> "PAID".equals(p.get("status"))));
            Map<String, Object> payout = payouts(sale).get(0);
            assertThat(payout.get("providerTransferId")).as("the transfer the lost answer made").isEqualTo("tr_made");
            assertThat(payout.get("attempts")).isEqualTo(2);
            assertThat(transfers(destination)).as("sent once: the second attempt asked first").hasSize(1);
            assertThat(provider.findAll(WireMock.getRequestedFor(urlPathEqualTo("/v1/transfers"))
                    .withQueryParam("transfer_group", WireMock.equalTo(payout.get("id").toString())))).isNotEmpty();
        } finally {
            stubs.forEach(provider::removeStub);
        }
    }

    @Test
    void aPaystackTransferRefusedEveryTimeIsGivenUpItsMoneyOwedAgainAndPaidByTheNextPayout() throws Exception {
        Sale sale = sale("payout-paystack", 1);
        String recipient = "RCP_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        account(sale, "PAYSTACK", recipient);
        provider.stubFor(get(urlPathMatching("/transfer/verify/.*")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":false,\"message\":\"Transfer not found\"}")));
        provider.stubFor(post(urlEqualTo("/transfer")).withRequestBody(matchingJsonPath("$.recipient",
                WireMock.equalTo(recipient))).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"status\":false,\"message\":\"Recipient account is not active\"}")));

        ended(sale.eventId(), 8);
        awaitTrue("the payout is given up", () -> payouts(sale).stream().anyMatch(p -> "FAILED".equals(p.get("status"))));
        // The first payout made, once given up (the sweep may already have made the next one for the same money).
        List<Map<String, Object>> given = payouts(sale).stream().filter(p -> "FAILED".equals(p.get("status"))).toList();
        Map<String, Object> failed = given.get(given.size() - 1);
        assertThat(failed.get("attempts")).isEqualTo(3);
        assertThat(failed.get("lastError").toString()).contains("HTTP 400");
        List<LoggedRequest> tries = provider.findAll(postRequestedFor(urlEqualTo("/transfer"))
                .withRequestBody(matchingJsonPath("$.reference", WireMock.equalTo(failed.get("id").toString()))));
        assertThat(tries).as("one reference per payout, asked three times").hasSize(3)
                .allSatisfy(r -> assertThat(r.getBodyAsString()).contains("\"recipient\":\"" + recipient + "\"")
                        .contains("\"amount\":4250").contains("\"source\":\"balance\""));

        // The recipient works again: the money owed again goes out in a new payout with a new reference.
        provider.stubFor(post(urlEqualTo("/transfer")).atPriority(1).withRequestBody(matchingJsonPath("$.recipient",
                WireMock.equalTo(recipient))).willReturn(okJson("{\"status\":true,\"message\":\"Transfer has been queued\","
                + "\"data\":{\"reference\":\"r\",\"transfer_code\":\"TRF_paid\",\"status\":\"success\"}}")));
        awaitTrue("a new payout is paid", () -> payouts(sale).stream().anyMatch(p -> "PAID".equals(p.get("status"))));
        Thread.sleep(2_000);
        List<Map<String, Object>> all = payouts(sale);
        assertThat(all).filteredOn(p -> "PAID".equals(p.get("status"))).as("paid once").hasSize(1)
                .allSatisfy(p -> {
                    assertThat(p.get("providerTransferId")).isEqualTo("TRF_paid");
                    assertThat(p.get("amount").toString()).isEqualTo("42.5");
                });
        assertThat(all).extracting(p -> p.get("status")).as("the others given up").containsOnly("PAID", "FAILED");
        assertThat(ledgerTotal(sale.eventId())).as("owed: only the reserve").isEqualTo(500);
    }

    @Test
    void heldPayoutsWaitForTheAdminAndOnlyTheirOrganizerSeesThem() throws Exception {
        Sale sale = sale("payout-held", 1);
        String destination = stripeAccount();
        provider.stubFor(get(urlPathEqualTo("/v1/transfers")).willReturn(okJson("{\"object\":\"list\",\"data\":[]}")));
        stubStripeTransfers(provider, destination);
        sale.organizer().api.get("/api/v1/organizers/me/payout-account").then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        sale.organizer().api.put("/api/v1/organizers/me/payout-account", Map.of("provider", "STRIPE",
                "accountId", "RCP_123")).then().statusCode(400).body("error.code", equalTo("VALIDATION_FAILED"))
                .body("error.details.accountId", org.hamcrest.Matchers.containsString("acct_"));
        sale.organizer().api.put("/api/v1/organizers/me/payout-account", Map.of("provider", "null",
                "accountId", "acct_123")).then().statusCode(400).body("error.details.provider",
                org.hamcrest.Matchers.notNullValue());
        sale.organizer().api.put("/api/v1/organizers/me/payout-account", Map.of("provider", "STRIPE"))
                .then().statusCode(400).body("error.code", equalTo("VALIDATION_FAILED"));
        account(sale, "STRIPE", destination);

        String organizerId = sale.organizer().organizerId;
        admin.post("/api/v1/admin/organizers/" + organizerId + "/payouts/hold", Map.of()).then().statusCode(400);
        admin.post("/api/v1/admin/organizers/" + organizerId + "/payouts/hold", Map.of("reason", "Chargeback review"))
                .then().statusCode(200).body("data.held", equalTo(true)).body("data.reason", equalTo("Chargeback review"));
        admin.post("/api/v1/admin/organizers/" + organizerId + "/payouts/hold", Map.of("reason", "again"))
                .then().statusCode(409).body("error.code", equalTo("PAYOUTS_ALREADY_HELD"));
        admin.post("/api/v1/admin/organizers/" + UUID.randomUUID() + "/payouts/hold", Map.of("reason", "x"))
                .then().statusCode(404);
        sale.organizer().api.post("/api/v1/admin/organizers/" + organizerId + "/payouts/release", Map.of())
                .then().statusCode(403);
        sale.organizer().api.get("/api/v1/organizers/me/payout-account").then().statusCode(200)
                .body("data.held", equalTo(true)).body("data.heldReason", equalTo("Chargeback review"));

        ended(sale.eventId(), 8);
        Thread.sleep(3_000);
        assertThat(payouts(sale)).as("none while held").isEmpty();
        admin.post("/api/v1/admin/organizers/" + organizerId + "/payouts/release", Map.of()).then().statusCode(200)
                .body("data.held", equalTo(false));
        admin.post("/api/v1/admin/organizers/" + organizerId + "/payouts/release", Map.of()).then().statusCode(409)
                .body("error.code", equalTo("PAYOUTS_NOT_HELD"));
        awaitTrue("paid after the release", () -> payouts(sale).stream().anyMatch(p -> "PAID".equals(p.get("status"))));
        String payoutId = payouts(sale).get(0).get("id").toString();
        assertThat(admin.get("/api/v1/admin/payouts?status=PAID&size=100").then().statusCode(200).extract().jsonPath()
                .getList("data.items.id", String.class)).contains(payoutId);
        assertThat(Db.rows("SELECT action FROM audit_log WHERE resource_id = ? ORDER BY created_at", organizerId))
                .contains("PAYOUTS_HELD", "PAYOUTS_RELEASED", "PAYOUT_ACCOUNT_SET");

        Organizer other = Organizer.verified(api(), admin, "payout-other");
        assertThat(other.api.get("/api/v1/organizers/me/payouts").then().statusCode(200).extract().jsonPath()
                .getList("data.items")).isEmpty();
        assertThat(other.api.get("/api/v1/organizers/me/balance").then().statusCode(200).extract().jsonPath()
                .getList("data")).isEmpty();
        Api attendee = TestUsers.signedIn(1, i -> api(), "nosy", "nosy passphrase").get(0);
        attendee.get("/api/v1/organizers/me/balance").then().statusCode(403);
        attendee.get("/api/v1/admin/payouts").then().statusCode(403);
        api().get("/api/v1/organizers/me/payouts").then().statusCode(401);
        admin.get("/api/v1/admin/payouts?status=SOMETIMES").then().statusCode(400);
    }

    private static java.math.BigDecimal money(JsonPath json, String path) {
        return new java.math.BigDecimal(json.getString(path));
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(String what, Check check) throws Exception {
        Instant deadline = Instant.now().plusSeconds(40);
        while (!check.holds()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            Thread.sleep(250);
        }
    }
}
