package com.eventix.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.eventix.testing.Api;
import com.eventix.testing.Db;
import com.eventix.testing.IntegrationTest;
import com.eventix.testing.Mailbox;
import com.eventix.testing.Organizer;
import com.eventix.testing.ProviderEmulator;
import com.eventix.testing.TestUsers;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole purchase with Stripe and with Paystack, their APIs emulated over HTTP (WireMock) with the documented
 * request and response formats, and their webhooks sent signed the way each provider signs them.
 */
class ProviderFlowsIT extends IntegrationTest {
    private static final Instant SOON = Instant.now().plus(40, ChronoUnit.DAYS);

    private Api admin;
    private Organizer organizer;
    private WireMockServer providerApi;

    @BeforeEach
    void setUp() {
        admin = admin();
        organizer = Organizer.verified(api(), admin, "providers");
        providerApi = services().providers.server();
    }

    private record Purchase(Api buyer, String email, String orderId, String paymentId, String paymentUrl) {
    }

    private Purchase order(String provider) {
        String eventId = organizer.published(admin, Organizer.eventBody("Provider night", "music", "", SOON), "25.50");
        return order(provider, organizer.event(eventId).getString("data.tiers[0].id"));
    }

    /** Two tickets of the tier, ordered through {@code provider}: its checkout is open. */
    private Purchase order(String provider, String tierId) {
        Api client = api();
        String email = TestUsers.uniqueEmail(provider + "-buyer");
        Api buyer = client.as((String) client.registerAndLogin(email, "provider passphrase").get("accessToken"));
        String hold = buyer.post("/api/v1/tickets/reserve", Map.of("tierId", tierId, "quantity", 2)).then()
                .statusCode(201).extract().jsonPath().getString("data.reservationId");
        JsonPath checkout = buyer.post("/api/v1/orders", Map.of("reservationIds", List.of(hold), "provider", provider))
                .then().log().ifValidationFails().statusCode(201).extract().jsonPath();
        assertThat(checkout.getString("data.status")).isEqualTo("AUTHORIZED");
        return new Purchase(buyer, email, checkout.getString("data.orderId"), checkout.getString("data.paymentId"),
                checkout.getString("data.paymentUrl"));
    }

    private void assertFulfilled(Purchase p) throws Exception {
        JsonPath order = p.buyer().get("/api/v1/orders/" + p.orderId()).then().statusCode(200).extract().jsonPath();
        assertThat(order.getString("data.status")).isEqualTo("PAID");
        assertThat(order.getString("data.paymentStatus")).isEqualTo("COMPLETED");
        assertThat(order.getList("data.ticketIds")).hasSize(2);
        String code = p.buyer().get("/api/v1/tickets/" + order.getList("data.ticketIds", String.class).get(0))
                .then().statusCode(200).extract().jsonPath().getString("data.qrCode");
        assertThat(code).startsWith("EVX1.");
        assertThat(Mailbox.await(p.email(), Duration.ofSeconds(30))).isPresent();
    }

    @Test
    void stripeCheckoutSessionThenSignedWebhookIssuesTickets() throws Exception {
        String session = "cs_test_" + UUID.randomUUID().toString().replace("-", "");
        providerApi.stubFor(post(urlEqualTo("/v1/checkout/sessions"))
                .withHeader("Authorization", equalTo("Bearer " + ProviderEmulator.STRIPE_SECRET_KEY))
                .withRequestBody(containing("mode=payment"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"" + session + "\",\"object\":\"checkout.session\",\"mode\":\"payment\","
                                + "\"payment_status\":\"unpaid\",\"status\":\"open\",\"url\":\"https://checkout.stripe.com/c/pay/"
                                + session + "\"}")));
        Purchase p = order("stripe");
        assertThat(p.paymentUrl()).endsWith(session);
        providerApi.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withHeader("Idempotency-Key", equalTo(p.orderId() + ":" + p.paymentId()))
                .withRequestBody(containing("metadata%5Bpayment_id%5D=" + p.paymentId()))
                .withRequestBody(containing("unit_amount%5D=5100")));

        byte[] event = ("{\"id\":\"evt_" + UUID.randomUUID().toString().replace("-", "") + "\",\"object\":\"event\","
                + "\"type\":\"checkout.session.completed\",\"created\":" + Instant.now().getEpochSecond() + ","
                + "\"data\":{\"object\":{\"id\":\"" + session + "\",\"object\":\"checkout.session\","
                + "\"payment_status\":\"paid\",\"amount_total\":5100,\"currency\":\"usd\","
                + "\"metadata\":{\"payment_id\":\"" + p.paymentId() + "\"}}}}").getBytes(StandardCharsets.UTF_8);
        Map<String, String> tampered = WebhookSigner.stripeHeaders(ProviderEmulator.STRIPE_WEBHOOK_SECRET, Instant.now(),
                "{}".getBytes(StandardCharsets.UTF_8));
        send("stripe", event, tampered).then().statusCode(400);
        send("stripe", event, WebhookSigner.stripeHeaders(ProviderEmulator.STRIPE_WEBHOOK_SECRET, Instant.now(), event))
                .then().statusCode(200);
        send("stripe", event, WebhookSigner.stripeHeaders(ProviderEmulator.STRIPE_WEBHOOK_SECRET, Instant.now(), event))
                .then().statusCode(200);
        assertFulfilled(p);
        assertThat(LedgerChecks.assertBalanced(admin, orderOf(p).getString("data.items[0].eventId")))
                .as("51.00 captured less the platform's 5 %").isEqualTo(4845);
    }

    @Test
    void aCheckoutTheProviderCouldNotCreateIsRetriedOnTheSameOrder() throws Exception {
        String eventId = organizer.published(admin, Organizer.eventBody("Retry night", "music", "", SOON), "25.50");
        String tierId = organizer.event(eventId).getString("data.tiers[0].id");
        Api client = api();
        Api buyer = client.as((String) client.registerAndLogin(TestUsers.uniqueEmail("retry"), "retry passphrase")
                .get("accessToken"));
        String hold = buyer.post("/api/v1/tickets/reserve", Map.of("tierId", tierId, "quantity", 2)).then()
                .statusCode(201).extract().jsonPath().getString("data.reservationId");
        String session = "cs_test_retry_" + UUID.randomUUID().toString().replace("-", "");
        providerApi.stubFor(post(urlEqualTo("/v1/checkout/sessions")).inScenario(session)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"Something went wrong\"}}"))
                .willSetStateTo("recovered"));
        providerApi.stubFor(post(urlEqualTo("/v1/checkout/sessions")).inScenario(session).whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"" + session + "\",\"object\":\"checkout.session\",\"url\":"
                                + "\"https://checkout.stripe.com/c/pay/" + session + "\"}")));

        String key = "order-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("reservationIds", List.of(hold), "provider", "stripe");
        JsonPath failed = buyer.request().contentType("application/json").header("Idempotency-Key", key).body(body).post("/api/v1/orders")
                .then().statusCode(502).extract().jsonPath();
        assertThat(failed.getString("error.code")).isEqualTo("PAYMENT_PROVIDER_ERROR");
        String orderId = failed.getString("error.details.orderId");
        buyer.request().contentType("application/json").header("Idempotency-Key", key).body(body).post("/api/v1/orders").then().statusCode(502)
                .header("Idempotent-Replayed", "true")
                .body("error.details.orderId", org.hamcrest.Matchers.equalTo(orderId));
        buyer.get("/api/v1/orders/" + orderId).then().statusCode(200)
                .body("data.status", org.hamcrest.Matchers.equalTo("PENDING"))
                .body("data.paymentStatus", org.hamcrest.Matchers.equalTo("FAILED"));

        JsonPath retried = buyer.post("/api/v1/orders/" + orderId + "/payments", Map.of("provider", "stripe"))
                .then().statusCode(201).extract().jsonPath();
        assertThat(retried.getString("data.status")).isEqualTo("AUTHORIZED");
        assertThat(retried.getString("data.paymentUrl")).endsWith(session);
        buyer.post("/api/v1/orders/" + orderId + "/payments", Map.of()).then().statusCode(409)
                .body("error.code", org.hamcrest.Matchers.equalTo("PAYMENT_IN_PROGRESS"));
        api().post("/api/v1/orders/" + orderId + "/payments", Map.of()).then().statusCode(401);
    }

    @Test
    void paystackInitializeThenSignedWebhookIssuesTickets() throws Exception {
        stubPaystackInitialize();
        Purchase p = order("paystack");
        assertThat(p.paymentUrl()).startsWith("https://checkout.paystack.com/");
        providerApi.verify(postRequestedFor(urlEqualTo("/transaction/initialize"))
                .withRequestBody(containing("\"amount\":5100"))
                .withRequestBody(containing("\"reference\":\"" + p.paymentId() + "\"")));

        byte[] event = paystackCharge(p);
        send("paystack", event, Map.of("x-paystack-signature", "0".repeat(128))).then().statusCode(400);
        send("paystack", event, WebhookSigner.paystackHeaders(ProviderEmulator.PAYSTACK_SECRET_KEY, event)).then()
                .statusCode(200);
        assertFulfilled(p);
    }

    @Test
    void anAbandonedStripeCheckoutIsExpiredAtStripeWhenItsHoldRunsOut() throws Exception {
        String session = stubStripeSession("abandoned");
        providerApi.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/" + session)).willReturn(okJson(
                stripeSession(session, "open", "unpaid"))));
        providerApi.stubFor(post(urlEqualTo("/v1/checkout/sessions/" + session + "/expire")).willReturn(okJson(
                stripeSession(session, "expired", "unpaid"))));
        Purchase p = order("stripe");

        holdsRanOut(p);
        awaitOrder(p, "EXPIRED");
        assertThat(orderOf(p).getString("data.paymentStatus")).isEqualTo("FAILED");
        providerApi.verify(1, postRequestedFor(urlEqualTo("/v1/checkout/sessions/" + session + "/expire"))
                .withHeader("Authorization", equalTo("Bearer " + ProviderEmulator.STRIPE_SECRET_KEY)));
    }

    @Test
    void aStripeCheckoutPaidWhileItWasBeingClosedIsHonoured() throws Exception {
        String session = stubStripeSession("race");
        providerApi.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/" + session)).inScenario(session)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson(stripeSession(session, "open", "unpaid"))));
        providerApi.stubFor(post(urlEqualTo("/v1/checkout/sessions/" + session + "/expire")).inScenario(session)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(
                        "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"checkout_session_unexpirable\"}}"))
                .willSetStateTo("paid"));
        providerApi.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/" + session)).inScenario(session)
                .whenScenarioStateIs("paid").willReturn(okJson(stripeSession(session, "complete", "paid"))));
        Purchase p = order("stripe");

        holdsRanOut(p);
        awaitOrder(p, "PAID");
        assertFulfilled(p);
    }

    @Test
    void aLatePaystackPaymentCompletesWhileStockRemains() throws Exception {
        stubPaystackInitialize();
        stubPaystackVerify("abandoned");
        Purchase p = order("paystack");

        holdsRanOut(p);
        awaitOrder(p, "EXPIRED");
        assertThat(orderOf(p).getString("data.paymentStatus"))
                .as("Paystack cannot close a transaction: the payer may still pay").isEqualTo("AUTHORIZED");

        byte[] event = paystackCharge(p);
        send("paystack", event, WebhookSigner.paystackHeaders(ProviderEmulator.PAYSTACK_SECRET_KEY, event)).then()
                .statusCode(200);
        assertFulfilled(p);
    }

    @Test
    void aLatePaymentForResoldTicketsIsRefundedOnceEvenThroughAProviderOutage() throws Exception {
        stubPaystackInitialize();
        stubPaystackVerify("abandoned");
        String eventId = organizer.published(admin, Organizer.eventBody("Tiny room", "music", "", SOON), "25.50");
        String tierId = organizer.event(eventId).getString("data.tiers[0].id");
        organizer.api.put("/api/v1/events/" + eventId + "/tiers/" + tierId, Organizer.tierBody("Tier 1", "25.50", 2))
                .then().statusCode(200);
        Purchase late = order("paystack", tierId);
        holdsRanOut(late);
        awaitOrder(late, "EXPIRED");
        order("paystack", tierId);
        assertThat(Db.available(tierId)).isZero();

        String scenario = "refund-" + late.paymentId();
        providerApi.stubFor(get(urlEqualTo("/refund?transaction=" + PAYSTACK_TRANSACTION_ID))
                .willReturn(okJson("{\"status\":true,\"message\":\"Refunds retrieved\",\"data\":[]}")));
        providerApi.stubFor(post(urlEqualTo("/refund")).withRequestBody(containing(late.paymentId()))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("upstream unavailable"))
                .willSetStateTo("back"));
        providerApi.stubFor(post(urlEqualTo("/refund")).withRequestBody(containing(late.paymentId()))
                .inScenario(scenario).whenScenarioStateIs("back")
                .willReturn(okJson("{\"status\":true,\"message\":\"Refund has been queued for processing\","
                        + "\"data\":{\"id\":9900777,\"status\":\"pending\",\"amount\":5100,\"currency\":\"USD\"}}")));

        byte[] event = paystackCharge(late);
        send("paystack", event, WebhookSigner.paystackHeaders(ProviderEmulator.PAYSTACK_SECRET_KEY, event)).then()
                .statusCode(200);
        Instant deadline = Instant.now().plusSeconds(30);
        while (Db.integer("SELECT count(*) FROM payments WHERE refund_reference = '9900777' AND id = ?::uuid",
                late.paymentId()) == 0) {
            assertThat(Instant.now()).as("the refund is asked for again after the outage").isBefore(deadline);
            Thread.sleep(250);
        }
        JsonPath order = orderOf(late);
        assertThat(order.getString("data.status")).isEqualTo("EXPIRED");
        assertThat(order.getString("data.paymentStatus")).isEqualTo("REFUNDING");
        assertThat(order.getList("data.ticketIds")).isEmpty();
        Thread.sleep(4000);
        providerApi.verify(2, postRequestedFor(urlEqualTo("/refund")).withRequestBody(containing(late.paymentId())));

        byte[] processed = ("{\"event\":\"refund.processed\",\"data\":{\"id\":9900777,\"status\":\"processed\","
                + "\"transaction_reference\":\"" + late.paymentId() + "\",\"refund_reference\":\"9900777\","
                + "\"amount\":5100,\"currency\":\"USD\"}}").getBytes(StandardCharsets.UTF_8);
        send("paystack", processed, WebhookSigner.paystackHeaders(ProviderEmulator.PAYSTACK_SECRET_KEY, processed))
                .then().statusCode(200);
        assertThat(orderOf(late).getString("data.paymentStatus")).isEqualTo("REFUNDED");
        Db.assertInventoryBalanced(tierId);
        assertThat(Db.rows("SELECT kind, amount_minor FROM ledger_entries WHERE payment_id = ?::uuid ORDER BY created_at, kind",
                late.paymentId())).as("captured and refunded, the platform's fee returned with the money")
                .containsExactlyInAnyOrder("CAPTURED | 5100", "PLATFORM_FEE | -255", "REFUNDED | -5100", "PLATFORM_FEE | 255");
        LedgerChecks.assertBalanced(admin, eventId);
    }

    @Test
    void aPaymentThatArrivesForACancelledEventIsRefundedAndTheBuyerTold() throws Exception {
        stubPaystackInitialize();
        stubPaystackVerify("abandoned");
        String eventId = organizer.published(admin, Organizer.eventBody("Rained off", "music", "", SOON), "25.50");
        Purchase p = order("paystack", organizer.event(eventId).getString("data.tiers[0].id"));
        organizer.api.post("/api/v1/events/" + eventId + "/cancel", Map.of("reason", "Flooded venue")).then()
                .statusCode(200);
        awaitOrder(p, "EXPIRED");
        assertThat(orderOf(p).getString("data.paymentStatus"))
                .as("Paystack cannot close the transaction: the payer may still pay").isEqualTo("AUTHORIZED");
        providerApi.stubFor(get(urlEqualTo("/refund?transaction=" + PAYSTACK_TRANSACTION_ID))
                .willReturn(okJson("{\"status\":true,\"message\":\"Refunds retrieved\",\"data\":[]}")));
        providerApi.stubFor(post(urlEqualTo("/refund")).withRequestBody(containing(p.paymentId()))
                .willReturn(okJson("{\"status\":true,\"message\":\"Refund has been queued for processing\","
                        + "\"data\":{\"id\":9900888,\"status\":\"pending\",\"amount\":5100,\"currency\":\"USD\"}}")));

        byte[] event = paystackCharge(p);
        send("paystack", event, WebhookSigner.paystackHeaders(ProviderEmulator.PAYSTACK_SECRET_KEY, event)).then()
                .statusCode(200);
        JsonPath order = orderOf(p);
        assertThat(order.getString("data.status")).isEqualTo("EXPIRED");
        assertThat(order.getString("data.paymentStatus")).isEqualTo("REFUNDING");
        assertThat(order.getList("data.ticketIds")).isEmpty();
        providerApi.verify(1, postRequestedFor(urlEqualTo("/refund")).withRequestBody(containing(p.paymentId())));
        assertThat(Mailbox.await(p.email(), "is being refunded", Duration.ofSeconds(30))).isPresent();
        assertThat(LedgerChecks.assertBalanced(admin, eventId)).as("captured; the refund is still pending at Paystack")
                .isEqualTo(4845);
    }

    /** A Stripe purchase of two 25.50 tickets, paid: its checkout completed with PaymentIntent {@code pi_<session>}. */
    private Purchase paidAtStripe(String eventId) throws Exception {
        String session = stubStripeSession("paid");
        Purchase p = order("stripe", organizer.event(eventId).getString("data.tiers[0].id"));
        signedStripe(stripeEvent("evt_" + UUID.randomUUID().toString().replace("-", ""), "checkout.session.completed",
                "{\"id\":\"" + session + "\",\"object\":\"checkout.session\",\"payment_status\":\"paid\","
                        + "\"amount_total\":5100,\"currency\":\"usd\",\"payment_intent\":\"pi_" + session + "\","
                        + "\"metadata\":{\"payment_id\":\"" + p.paymentId() + "\"}}"));
        assertFulfilled(p);
        return new Purchase(p.buyer(), p.email(), p.orderId(), p.paymentId(), "pi_" + session);
    }

    private static byte[] stripeEvent(String id, String type, String object) {
        return ("{\"id\":\"" + id + "\",\"object\":\"event\",\"type\":\"" + type + "\",\"created\":"
                + Instant.now().getEpochSecond() + ",\"data\":{\"object\":" + object + "}}").getBytes(StandardCharsets.UTF_8);
    }

    private void signedStripe(byte[] event) {
        send("stripe", event, WebhookSigner.stripeHeaders(ProviderEmulator.STRIPE_WEBHOOK_SECRET, Instant.now(), event))
                .then().statusCode(200);
    }

    /** Stripe's charge.refunded for the purchase's charge (named by its PaymentIntent only), refunded so far. */
    private static byte[] chargeRefunded(String eventId, Purchase p, long refundedMinor) {
        return stripeEvent(eventId, "charge.refunded", "{\"id\":\"ch_" + p.paymentUrl() + "\",\"object\":\"charge\","
                + "\"amount\":5100,\"amount_refunded\":" + refundedMinor + ",\"currency\":\"usd\","
                + "\"payment_intent\":\"" + p.paymentUrl() + "\",\"metadata\":{}}");
    }

    private static byte[] dispute(String eventId, String type, Purchase p, String disputeId, String status) {
        return stripeEvent(eventId, type, "{\"id\":\"" + disputeId + "\",\"object\":\"dispute\",\"amount\":5100,"
                + "\"currency\":\"usd\",\"charge\":\"ch_" + p.paymentUrl() + "\",\"payment_intent\":\""
                + p.paymentUrl() + "\",\"reason\":\"fraudulent\",\"status\":\"" + status + "\"}");
    }

    private String organizerEmail() throws Exception {
        return Db.rows("SELECT contact_email FROM organizers WHERE id = ?::uuid", organizer.organizerId).get(0);
    }

    private static List<String> ticketStatuses(Purchase p) {
        return orderOf(p).getList("data.ticketIds", String.class).stream().map(id -> p.buyer().get("/api/v1/tickets/" + id)
                .then().statusCode(200).extract().jsonPath().getString("data.status")).toList();
    }

    @Test
    void aRefundMadeInStripesDashboardIsRecordedOnceAndVoidsTheTicketsWhenItIsWhole() throws Exception {
        String eventId = organizer.published(admin, Organizer.eventBody("Dashboard night", "music", "", SOON), "25.50");
        Purchase p = paidAtStripe(eventId);

        byte[] half = chargeRefunded("evt_half_" + UUID.randomUUID(), p, 2550);
        signedStripe(half);
        signedStripe(half);
        assertThat(orderOf(p).getString("data.status")).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(orderOf(p).getString("data.paymentStatus")).isEqualTo("COMPLETED");
        assertThat(ticketStatuses(p)).as("a partial refund names no tickets").containsExactly("VALID", "VALID");
        assertThat(Mailbox.await(organizerEmail(), "A refund was made outside Eventix", Duration.ofSeconds(30)))
                .isPresent();
        assertThat(LedgerChecks.assertBalanced(admin, eventId)).as("25.50 kept less the platform's 5 %, rounded half up").isEqualTo(2422);

        signedStripe(chargeRefunded("evt_all_" + UUID.randomUUID(), p, 5100));
        assertThat(orderOf(p).getString("data.status")).isEqualTo("REFUNDED");
        assertThat(ticketStatuses(p)).containsExactly("REFUNDED", "REFUNDED");
        assertThat(Mailbox.await(p.email(), "are void", Duration.ofSeconds(30))).isPresent();
        assertThat(Db.rows("SELECT amount_minor FROM ledger_entries WHERE payment_id = ?::uuid AND kind = 'REFUNDED' "
                + "ORDER BY amount_minor", p.paymentId())).containsExactly("-2550", "-2550");
        assertThat(LedgerChecks.assertBalanced(admin, eventId)).as("everything went back, the fee too").isZero();
    }

    @Test
    void stripesFeeIsAskedForWhenTheChargeSettlesAndEnteredOnceThePaymentHasItsMoney() throws Exception {
        String eventId = organizer.published(admin, Organizer.eventBody("Fee night", "music", "", SOON), "25.50");
        String txn = "txn_" + UUID.randomUUID().toString().replace("-", "");
        providerApi.stubFor(get(urlEqualTo("/v1/balance_transactions/" + txn)).willReturn(okJson("{\"id\":\"" + txn
                + "\",\"object\":\"balance_transaction\",\"amount\":5100,\"fee\":178,\"currency\":\"usd\"}")));
        String session = stubStripeSession("fee");
        Purchase p = order("stripe", organizer.event(eventId).getString("data.tiers[0].id"));
        // Stripe often reports the settled charge before the session completes: the fee waits for the payment.
        String charge = "{\"id\":\"ch_" + session + "\",\"object\":\"charge\",\"amount\":5100,\"currency\":\"usd\","
                + "\"payment_intent\":\"pi_" + session + "\",\"balance_transaction\":\"" + txn + "\","
                + "\"metadata\":{\"payment_id\":\"" + p.paymentId() + "\"}}";
        byte[] settled = stripeEvent("evt_" + UUID.randomUUID().toString().replace("-", ""), "charge.succeeded", charge);
        signedStripe(settled);
        assertThat(Db.integer("SELECT count(*) FROM ledger_entries WHERE payment_id = ?::uuid", p.paymentId()))
                .as("nothing is entered before the money is taken").isZero();
        signedStripe(stripeEvent("evt_" + UUID.randomUUID().toString().replace("-", ""), "checkout.session.completed",
                "{\"id\":\"" + session + "\",\"object\":\"checkout.session\",\"payment_status\":\"paid\","
                        + "\"amount_total\":5100,\"currency\":\"usd\",\"payment_intent\":\"pi_" + session + "\","
                        + "\"metadata\":{\"payment_id\":\"" + p.paymentId() + "\"}}"));
        assertFulfilled(p);
        signedStripe(stripeEvent("evt_" + UUID.randomUUID().toString().replace("-", ""), "charge.updated", charge));
        providerApi.verify(2, getRequestedFor(urlEqualTo("/v1/balance_transactions/" + txn)));
        assertThat(Db.rows("SELECT amount_minor FROM ledger_entries WHERE payment_id = ?::uuid AND kind = 'PROVIDER_FEE'",
                p.paymentId())).containsExactly("-178");
        assertThat(LedgerChecks.assertBalanced(admin, eventId)).as("51.00 less the platform's 5 % and Stripe's 1.78")
                .isEqualTo(4845 - 178);
    }

    @Test
    void aStripeChargebackTakesTheMoneyUntilItIsWonAndALostOneVoidsTheTickets() throws Exception {
        String eventId = organizer.published(admin, Organizer.eventBody("Disputed night", "music", "", SOON), "25.50");
        Purchase won = paidAtStripe(eventId);
        Purchase lost = paidAtStripe(eventId);

        String wonDispute = "dp_won_" + UUID.randomUUID().toString().replace("-", "");
        signedStripe(dispute("evt_" + UUID.randomUUID(), "charge.dispute.created", won, wonDispute, "needs_response"));
        signedStripe(dispute("evt_" + UUID.randomUUID(), "charge.dispute.funds_withdrawn", won, wonDispute,
                "needs_response"));
        assertThat(orderOf(won).getString("data.paymentStatus")).isEqualTo("DISPUTED");
        assertThat(ticketStatuses(won)).as("valid while the dispute is open").containsExactly("VALID", "VALID");
        assertThat(Mailbox.await(organizerEmail(), "A payment is disputed", Duration.ofSeconds(30))).isPresent();
        assertThat(LedgerChecks.assertBalanced(admin, eventId)).as("the disputed 51.00 left the balance once")
                .isEqualTo(2 * 4845 - 5100);

        signedStripe(dispute("evt_" + UUID.randomUUID(), "charge.dispute.funds_reinstated", won, wonDispute, "won"));
        signedStripe(dispute("evt_" + UUID.randomUUID(), "charge.dispute.closed", won, wonDispute, "won"));
        assertThat(orderOf(won).getString("data.paymentStatus")).isEqualTo("COMPLETED");
        assertThat(orderOf(won).getString("data.status")).isEqualTo("PAID");
        assertThat(LedgerChecks.assertBalanced(admin, eventId)).as("won back once").isEqualTo(2 * 4845);

        String lostDispute = "dp_lost_" + UUID.randomUUID().toString().replace("-", "");
        signedStripe(dispute("evt_" + UUID.randomUUID(), "charge.dispute.created", lost, lostDispute,
                "warning_needs_response"));
        assertThat(orderOf(lost).getString("data.paymentStatus")).as("an inquiry takes no money").isEqualTo("COMPLETED");
        byte[] closedLost = dispute("evt_" + UUID.randomUUID(), "charge.dispute.closed", lost, lostDispute, "lost");
        signedStripe(closedLost);
        signedStripe(closedLost);
        assertThat(orderOf(lost).getString("data.paymentStatus")).isEqualTo("DISPUTED");
        assertThat(orderOf(lost).getString("data.status")).isEqualTo("REFUNDED");
        assertThat(ticketStatuses(lost)).containsExactly("REFUNDED", "REFUNDED");
        assertThat(Mailbox.await(lost.email(), "are void", Duration.ofSeconds(30))).isPresent();
        assertThat(Db.rows("SELECT kind, amount_minor FROM ledger_entries WHERE payment_id = ?::uuid "
                + "AND kind LIKE 'DISPUTE%' ORDER BY created_at, kind", won.paymentId()))
                .containsExactly("DISPUTED | -5100", "DISPUTE_REVERSED | 5100");
        assertThat(LedgerChecks.assertBalanced(admin, eventId)).as("the lost dispute's money is gone")
                .isEqualTo(2 * 4845 - 5100);
    }

    @Test
    void aPaystackRefundMadeInItsDashboardIsRecordedOnce() throws Exception {
        stubPaystackInitialize();
        String eventId = organizer.published(admin, Organizer.eventBody("Paystack dashboard", "music", "", SOON), "25.50");
        Purchase p = order("paystack", organizer.event(eventId).getString("data.tiers[0].id"));
        byte[] charge = new String(paystackCharge(p), StandardCharsets.UTF_8).replace("\"amount\":5100,",
                "\"amount\":5100,\"fees\":76,").getBytes(StandardCharsets.UTF_8);
        send("paystack", charge, WebhookSigner.paystackHeaders(ProviderEmulator.PAYSTACK_SECRET_KEY, charge)).then()
                .statusCode(200);
        assertFulfilled(p);
        byte[] processed = ("{\"event\":\"refund.processed\",\"data\":{\"id\":7700" + (System.nanoTime() % 100000)
                + ",\"status\":\"processed\",\"transaction_reference\":\"" + p.paymentId() + "\","
                + "\"amount\":1000,\"currency\":\"USD\"}}").getBytes(StandardCharsets.UTF_8);
        send("paystack", processed, WebhookSigner.paystackHeaders(ProviderEmulator.PAYSTACK_SECRET_KEY, processed))
                .then().statusCode(200);
        send("paystack", processed, WebhookSigner.paystackHeaders(ProviderEmulator.PAYSTACK_SECRET_KEY, processed))
                .then().statusCode(200);
        assertThat(orderOf(p).getString("data.status")).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(ticketStatuses(p)).containsExactly("VALID", "VALID");
        assertThat(LedgerChecks.assertBalanced(admin, eventId)).as("41.00 kept less the platform's 5 % and Paystack's fee")
                .isEqualTo(4100 - 205 - 76);
        assertThat(Db.rows("SELECT amount_minor FROM ledger_entries WHERE payment_id = ?::uuid AND kind = 'PROVIDER_FEE'",
                p.paymentId())).containsExactly("-76");
    }

    @Test
    void anAdminFindsAStuckPaymentAndHasItsProviderAskedWhichPaysTheOrder() throws Exception {
        stubPaystackInitialize();
        String eventId = organizer.published(admin, Organizer.eventBody("Stuck night", "music", "", SOON), "25.50");
        Purchase p = order("paystack", organizer.event(eventId).getString("data.tiers[0].id"));
        // Paystack never called back and the sweeps could not ask it (an outage): untouched for two hours.
        Db.update("UPDATE payments SET updated_at = now() - interval '2 hours', next_check_at = now() + interval '1 hour' "
                + "WHERE id = ?::uuid", p.paymentId());

        String found = "data.items.find { it.id == '" + p.paymentId() + "' }";
        JsonPath stuck = admin.get("/api/v1/admin/payments/stuck?olderThanMinutes=60&size=100").then().statusCode(200)
                .extract().jsonPath();
        assertThat(stuck.getString(found + ".status")).isEqualTo("AUTHORIZED");
        assertThat(stuck.getString(found + ".orderId")).isEqualTo(p.orderId());
        assertThat(admin.get("/api/v1/admin/payments/stuck?olderThanMinutes=180&size=100").then().statusCode(200)
                .extract().jsonPath().getList("data.items.id", String.class)).doesNotContain(p.paymentId());
        JsonPath byEvent = admin.request().queryParam("eventId", eventId).queryParam("provider", "paystack")
                .queryParam("status", "AUTHORIZED").queryParam("organizerId", organizer.organizerId)
                .queryParam("from", Instant.now().minusSeconds(600).toString()).get("/api/v1/admin/payments").then()
                .statusCode(200).extract().jsonPath();
        assertThat(byEvent.getList("data.items.id", String.class)).containsExactly(p.paymentId());
        assertThat(byEvent.getString("data.items[0].buyerId")).isNotNull();
        assertThat(admin.request().queryParam("eventId", eventId).queryParam("status", "COMPLETED")
                .get("/api/v1/admin/payments").then().statusCode(200).extract().jsonPath().getList("data.items")).isEmpty();
        admin.get("/api/v1/admin/payments?status=LOST").then().statusCode(400);
        admin.get("/api/v1/admin/payments?from=null").then().statusCode(400).body("error.details.from",
                org.hamcrest.Matchers.notNullValue());
        admin.get("/api/v1/admin/payments/stuck?olderThanMinutes=0").then().statusCode(400)
                .body("error.details.olderThanMinutes", org.hamcrest.Matchers.notNullValue());
        p.buyer().get("/api/v1/admin/payments/stuck").then().statusCode(403);
        p.buyer().post("/api/v1/admin/payments/" + p.paymentId() + "/retry", Map.of()).then().statusCode(403);

        // Paystack answers again, for this payment only: it was paid.
        providerApi.stubFor(get(urlEqualTo("/transaction/verify/" + p.paymentId())).willReturn(okJson(
                "{\"status\":true,\"message\":\"Verification successful\",\"data\":{\"id\":" + PAYSTACK_TRANSACTION_ID
                        + ",\"status\":\"success\",\"reference\":\"" + p.paymentId() + "\",\"amount\":5100,"
                        + "\"currency\":\"USD\"}}")));
        admin.post("/api/v1/admin/payments/" + p.paymentId() + "/retry", Map.of()).then().statusCode(200)
                .body("data.status", org.hamcrest.Matchers.equalTo("COMPLETED"));
        assertFulfilled(p);
        admin.post("/api/v1/admin/payments/" + p.paymentId() + "/retry", Map.of()).then().statusCode(409)
                .body("error.code", org.hamcrest.Matchers.equalTo("INVALID_STATE_TRANSITION"));
        admin.post("/api/v1/admin/payments/" + UUID.randomUUID() + "/retry", Map.of()).then().statusCode(404);
        assertThat(Db.rows("SELECT details FROM audit_log WHERE action = 'PAYMENT_RETRIED' AND resource_id = ?",
                p.paymentId())).containsExactly("AUTHORIZED -> COMPLETED");
    }

    private static final long PAYSTACK_TRANSACTION_ID = 4099260516L;

    private void stubPaystackInitialize() {
        providerApi.stubFor(post(urlEqualTo("/transaction/initialize"))
                .withHeader("Authorization", equalTo("Bearer " + ProviderEmulator.PAYSTACK_SECRET_KEY))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("{\"status\":true,\"message\":\"Authorization URL created\",\"data\":{"
                                + "\"authorization_url\":\"https://checkout.paystack.com/{{jsonPath request.body '$.reference'}}\","
                                + "\"access_code\":\"ac_it\",\"reference\":\"{{jsonPath request.body '$.reference'}}\"}}")));
    }

    /** Paystack's verify answer for any reference: the transaction in this state, for 51.00 USD. */
    private void stubPaystackVerify(String status) {
        providerApi.stubFor(get(urlPathMatching("/transaction/verify/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withTransformers("response-template")
                .withBody("{\"status\":true,\"message\":\"Verification successful\",\"data\":{\"id\":"
                        + PAYSTACK_TRANSACTION_ID + ",\"status\":\"" + status + "\",\"reference\":"
                        + "\"{{request.pathSegments.[2]}}\",\"amount\":5100,\"currency\":\"USD\"}}")));
    }

    private static byte[] paystackCharge(Purchase p) {
        return ("{\"event\":\"charge.success\",\"data\":{\"id\":" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L)
                + ",\"domain\":\"test\",\"status\":\"success\",\"reference\":\"" + p.paymentId() + "\",\"amount\":5100,"
                + "\"currency\":\"USD\",\"paid_at\":\"" + Instant.now() + "\",\"metadata\":{\"payment_id\":\"" + p.paymentId()
                + "\"}}}").getBytes(StandardCharsets.UTF_8);
    }

    /** Stripe's answer to session creation, with a new session id, which it answers. */
    private String stubStripeSession(String name) {
        String session = "cs_test_" + name + "_" + UUID.randomUUID().toString().replace("-", "");
        providerApi.stubFor(post(urlEqualTo("/v1/checkout/sessions")).willReturn(okJson(
                stripeSession(session, "open", "unpaid"))));
        return session;
    }

    private static String stripeSession(String session, String status, String paymentStatus) {
        return "{\"id\":\"" + session + "\",\"object\":\"checkout.session\",\"mode\":\"payment\",\"status\":\""
                + status + "\",\"payment_status\":\"" + paymentStatus + "\",\"amount_total\":5100,\"currency\":\"usd\","
                + "\"url\":\"https://checkout.stripe.com/c/pay/" + session + "\",\"payment_intent\":"
                + ("paid".equals(paymentStatus) ? "{\"id\":\"pi_" + session + "\",\"status\":\"succeeded\"}" : "null") + "}";
    }

    /** The purchase's holds ran out long ago, also past the grace a payment in flight gives them. */
    private static void holdsRanOut(Purchase p) throws Exception {
        Db.update("UPDATE reservations SET expires_at = now() - interval '20 minutes' WHERE id IN "
                + "(SELECT reservation_id FROM order_items WHERE order_id = ?::uuid)", p.orderId());
    }

    private static JsonPath orderOf(Purchase p) {
        return p.buyer().get("/api/v1/orders/" + p.orderId()).then().statusCode(200).extract().jsonPath();
    }

    private static void awaitOrder(Purchase p, String status) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!status.equals(orderOf(p).getString("data.status"))) {
            assertThat(Instant.now()).as("order " + p.orderId() + " becomes " + status).isBefore(deadline);
            Thread.sleep(250);
        }
    }

    private io.restassured.response.Response send(String provider, byte[] body, Map<String, String> headers) {
        var request = api().request().contentType("application/json").body(body);
        headers.forEach(request::header);
        return request.post("/api/v1/payments/webhooks/" + provider);
    }
}
