package com.eventix.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.eventix.testing.Api;
import com.eventix.testing.IntegrationTest;
import com.eventix.testing.Mailbox;
import com.eventix.testing.Organizer;
import com.eventix.testing.ProviderEmulator;
import com.eventix.testing.TestUsers;
import com.github.tomakehurst.wiremock.WireMockServer;
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
        String tierId = organizer.event(eventId).getString("data.tiers[0].id");
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
                .withHeader("Idempotency-Key", equalTo(p.orderId()))
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
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"Something went wrong\"}}"))
                .willSetStateTo("recovered"));
        providerApi.stubFor(post(urlEqualTo("/v1/checkout/sessions")).inScenario(session).whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"" + session + "\",\"object\":\"checkout.session\",\"url\":"
                                + "\"https://checkout.stripe.com/c/pay/" + session + "\"}")));

        JsonPath failed = buyer.post("/api/v1/orders", Map.of("reservationIds", List.of(hold), "provider", "stripe"))
                .then().statusCode(502).extract().jsonPath();
        assertThat(failed.getString("error.code")).isEqualTo("PAYMENT_PROVIDER_ERROR");
        String orderId = failed.getString("error.details.orderId");
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
        providerApi.stubFor(post(urlEqualTo("/transaction/initialize"))
                .withHeader("Authorization", equalTo("Bearer " + ProviderEmulator.PAYSTACK_SECRET_KEY))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("{\"status\":true,\"message\":\"Authorization URL created\",\"data\":{"
                                + "\"authorization_url\":\"https://checkout.paystack.com/{{jsonPath request.body '$.reference'}}\","
                                + "\"access_code\":\"ac_it\",\"reference\":\"{{jsonPath request.body '$.reference'}}\"}}")));
        Purchase p = order("paystack");
        assertThat(p.paymentUrl()).startsWith("https://checkout.paystack.com/");
        providerApi.verify(postRequestedFor(urlEqualTo("/transaction/initialize"))
                .withRequestBody(containing("\"amount\":5100"))
                .withRequestBody(containing("\"reference\":\"" + p.paymentId() + "\"")));

        byte[] event = ("{\"event\":\"charge.success\",\"data\":{\"id\":" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L)
                + ",\"domain\":\"test\",\"status\":\"success\",\"reference\":\"" + p.paymentId() + "\",\"amount\":5100,"
                + "\"currency\":\"USD\",\"paid_at\":\"" + Instant.now() + "\",\"metadata\":{\"payment_id\":\"" + p.paymentId()
                + "\"}}}").getBytes(StandardCharsets.UTF_8);
        send("paystack", event, Map.of("x-paystack-signature", "0".repeat(128))).then().statusCode(400);
        send("paystack", event, WebhookSigner.paystackHeaders(ProviderEmulator.PAYSTACK_SECRET_KEY, event)).then()
                .statusCode(200);
        assertFulfilled(p);
    }

    private io.restassured.response.Response send(String provider, byte[] body, Map<String, String> headers) {
        var request = api().request().contentType("application/json").body(body);
        headers.forEach(request::header);
        return request.post("/api/v1/payments/webhooks/" + provider);
    }
}
