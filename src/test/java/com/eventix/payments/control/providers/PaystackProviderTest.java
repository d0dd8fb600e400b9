package com.eventix.payments.control.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.eventix.payments.WebhookSigner;
import com.eventix.payments.control.providers.PaymentStatus.State;
import com.eventix.payments.control.providers.WebhookEvent.ReferenceKind;
import com.eventix.payments.control.providers.WebhookEvent.Type;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PaystackProviderTest {
    static final String SECRET_KEY = "sk_test_4f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39";
    static final UUID PAYMENT_ID = UUID.fromString("6f1c2a8e-3b4d-4c5e-9f60-7a8b9c0d1e2f");
    static final UUID ORDER_ID = UUID.fromString("0b9f8e7d-6c5b-4a39-8281-706f5e4d3c2b");
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @RegisterExtension
    static WireMockExtension paystack = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    PaystackProvider provider;

    @BeforeEach
    void setUp() {
        provider = new PaystackProvider(paystack.baseUrl(), SECRET_KEY, Duration.ofSeconds(2));
    }

    @Nested
    class TransactionInitialization {
        @Test
        void initializesATransactionReferencedByThePaymentId() {
            paystack.stubFor(post("/transaction/initialize").willReturn(okJson("""
                    {"status": true, "message": "Authorization URL created",
                     "data": {"authorization_url": "https://checkout.paystack.com/0peioxfhpn",
                              "access_code": "0peioxfhpn", "reference": "%s"}}""".formatted(PAYMENT_ID))));

            Checkout checkout = provider.startCheckout(new CheckoutRequest(PAYMENT_ID, ORDER_ID,
                    new BigDecimal("25000.50"), "NGN", "ada@example.com", "https://eventix.example/orders/ok",
                    "https://eventix.example/orders/no"));

            assertThat(checkout).isEqualTo(new Checkout(PAYMENT_ID.toString(),
                    "https://checkout.paystack.com/0peioxfhpn"));
            paystack.verify(1, postRequestedFor(urlEqualTo("/transaction/initialize"))
                    .withHeader("Authorization", equalTo("Bearer " + SECRET_KEY))
                    .withHeader("Content-Type", equalTo("application/json"))
                    .withRequestBody(equalToJson("""
                            {"email": "ada@example.com",
                             "amount": 2500050,
                             "currency": "NGN",
                             "reference": "%s",
                             "callback_url": "https://eventix.example/orders/ok",
                             "metadata": {"payment_id": "%s", "order_id": "%s",
                                          "cancel_action": "https://eventix.example/orders/no"}}"""
                            .formatted(PAYMENT_ID, PAYMENT_ID, ORDER_ID))));
        }

        @Test
        void refusesCurrenciesAndAmountsPaystackCannotTake() {
            refused(ErrorCode.INVALID_CURRENCY, () -> provider.startCheckout(request(new BigDecimal("10.00"), "EUR")));
            refused(ErrorCode.INVALID_AMOUNT, () -> provider.startCheckout(request(new BigDecimal("10.005"), "USD")));
            assertThat(paystack.getAllServeEvents()).isEmpty();
        }

        @Test
        void aRepeatedReferenceIsAProviderError() {
            paystack.stubFor(post("/transaction/initialize").willReturn(aResponse().withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"status\": false, \"message\": \"Duplicate Transaction Reference\"}")));
            ApiException e = refused(ErrorCode.PAYMENT_PROVIDER_ERROR, () -> provider.startCheckout(request()));
            assertThat(e.getMessage()).contains("HTTP 400").doesNotContain(SECRET_KEY);
            assertThat(e.details()).containsEntry("provider", "paystack");
        }

        @Test
        void aServerErrorIsAProviderError() {
            paystack.stubFor(post("/transaction/initialize").willReturn(aResponse().withStatus(500)
                    .withBody("<html><body>Internal Server Error</body></html>")));
            assertThat(refused(ErrorCode.PAYMENT_PROVIDER_ERROR, () -> provider.startCheckout(request())).getMessage())
                    .contains("HTTP 500").doesNotContain(SECRET_KEY);
        }

        @Test
        void aFalseStatusIsAProviderErrorEvenWithHttp200() {
            paystack.stubFor(post("/transaction/initialize")
                    .willReturn(okJson("{\"status\": false, \"message\": \"Invalid Email Address Passed\"}")));
            refused(ErrorCode.PAYMENT_PROVIDER_ERROR, () -> provider.startCheckout(request()));
        }

        @Test
        void aSlowPaystackIsAProviderError() {
            provider = new PaystackProvider(paystack.baseUrl(), SECRET_KEY, Duration.ofMillis(300));
            paystack.stubFor(post("/transaction/initialize").willReturn(okJson("{\"status\": true}")
                    .withFixedDelay(2_000)));
            assertThat(refused(ErrorCode.PAYMENT_PROVIDER_ERROR, () -> provider.startCheckout(request())).getMessage())
                    .contains("did not answer in time");
        }

        @Test
        void withoutASecretKeyPaystackIsNotConfigured() {
            provider = new PaystackProvider(paystack.baseUrl(), null, Duration.ofSeconds(2));
            refused(ErrorCode.PAYMENT_PROVIDER_NOT_CONFIGURED, () -> provider.startCheckout(request()));
            refused(ErrorCode.PAYMENT_PROVIDER_NOT_CONFIGURED, () -> provider.status(PAYMENT_ID.toString()));
            refused(ErrorCode.PAYMENT_PROVIDER_NOT_CONFIGURED,
                    () -> provider.refund(PAYMENT_ID.toString(), BigDecimal.TEN, "NGN", "k"));
            byte[] body = chargeEvent("charge.success");
            refused(ErrorCode.PAYMENT_PROVIDER_NOT_CONFIGURED, () -> provider.verifyWebhook(body,
                    WebhookSigner.paystackHeaders(SECRET_KEY, body), NOW));
            assertThat(paystack.getAllServeEvents()).isEmpty();
        }
    }

    @Nested
    class Verification {
        @Test
        void verifiesTheTransactionByReference() {
            paystack.stubFor(get("/transaction/verify/" + PAYMENT_ID).willReturn(okJson(verification("success"))));

            PaymentStatus status = provider.status(PAYMENT_ID.toString());

            assertThat(status).isEqualTo(new PaymentStatus(PAYMENT_ID.toString(), State.SUCCEEDED,
                    new BigDecimal("25000.50"), "NGN"));
            paystack.verify(1, getRequestedFor(urlEqualTo("/transaction/verify/" + PAYMENT_ID))
                    .withHeader("Authorization", equalTo("Bearer " + SECRET_KEY)));
        }

        @Test
        void mapsTransactionStates() {
            assertThat(stateOf("success")).isEqualTo(State.SUCCEEDED);
            assertThat(stateOf("abandoned")).isEqualTo(State.PENDING);
            assertThat(stateOf("ongoing")).isEqualTo(State.PENDING);
            assertThat(stateOf("pending")).isEqualTo(State.PENDING);
            assertThat(stateOf("failed")).isEqualTo(State.FAILED);
            assertThat(stateOf("reversed")).isEqualTo(State.FAILED);
        }

        @Test
        void anUnknownReferenceIsAProviderError() {
            paystack.stubFor(get("/transaction/verify/nope").willReturn(aResponse().withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"status\": false, \"message\": \"Transaction reference not found\"}")));
            refused(ErrorCode.PAYMENT_PROVIDER_ERROR, () -> provider.status("nope"));
        }

        private State stateOf(String status) {
            paystack.resetAll();
            paystack.stubFor(get("/transaction/verify/" + PAYMENT_ID).willReturn(okJson(verification(status))));
            return provider.status(PAYMENT_ID.toString()).state();
        }
    }

    @Nested
    class Refunds {
        @BeforeEach
        void noEarlierRefund() {
            paystack.stubFor(get("/transaction/verify/" + PAYMENT_ID).willReturn(okJson(verification("success"))));
            paystack.stubFor(get("/refund?transaction=4099260516").willReturn(okJson(refundList())));
        }

        @Test
        void refundsTheTransactionInSubunits() {
            paystack.stubFor(post("/refund").willReturn(okJson(refundAnswer("pending"))));

            Refund refund = provider.refund(PAYMENT_ID.toString(), new BigDecimal("10000"), "NGN", "refund-7c1d");

            assertThat(refund).isEqualTo(new Refund("15677891", Refund.State.PENDING));
            paystack.verify(1, postRequestedFor(urlEqualTo("/refund"))
                    .withHeader("Authorization", equalTo("Bearer " + SECRET_KEY))
                    .withHeader("Content-Type", equalTo("application/json"))
                    .withRequestBody(equalToJson("""
                            {"transaction": "%s", "amount": 1000000, "currency": "NGN",
                             "merchant_note": "Eventix refund refund-7c1d"}""".formatted(PAYMENT_ID))));
            paystack.verify(1, getRequestedFor(urlEqualTo("/refund?transaction=4099260516"))
                    .withHeader("Authorization", equalTo("Bearer " + SECRET_KEY)));
        }

        @Test
        void aRefundAskedForBeforeIsAnsweredInsteadOfRefundingTwice() {
            paystack.stubFor(get("/refund?transaction=4099260516").willReturn(okJson(refundList(
                    "{\"id\": 15677001, \"status\": \"failed\", \"merchant_note\": \"Eventix refund refund-7c1d\"}",
                    "{\"id\": 15677555, \"status\": \"processed\", \"merchant_note\": \"Eventix refund refund-other\"}",
                    "{\"id\": 15677891, \"status\": \"processing\", \"merchant_note\": \"Eventix refund refund-7c1d\"}"))));

            Refund refund = provider.refund(PAYMENT_ID.toString(), new BigDecimal("10000"), "NGN", "refund-7c1d");

            assertThat(refund).isEqualTo(new Refund("15677891", Refund.State.PENDING));
            paystack.verify(0, postRequestedFor(urlEqualTo("/refund")));
        }

        @Test
        void anotherRefundOfTheSameTransactionIsNotThisOne() {
            paystack.stubFor(get("/refund?transaction=4099260516").willReturn(okJson(refundList(
                    "{\"id\": 15677555, \"status\": \"processed\", \"merchant_note\": \"Eventix refund refund-first\"}"))));
            paystack.stubFor(post("/refund").willReturn(okJson(refundAnswer("pending"))));

            assertThat(provider.refund(PAYMENT_ID.toString(), BigDecimal.TEN, "NGN", "refund-second").providerRefundId())
                    .as("a second partial refund is asked for").isEqualTo("15677891");
            paystack.verify(1, postRequestedFor(urlEqualTo("/refund")));
        }

        @Test
        void onlyFailedRefundsBeforeMeansRefundingAgain() {
            paystack.stubFor(get("/refund?transaction=4099260516").willReturn(okJson(refundList(
                    "{\"id\": 15677001, \"status\": \"failed\"}"))));
            paystack.stubFor(post("/refund").willReturn(okJson(refundAnswer("pending"))));

            assertThat(provider.refund(PAYMENT_ID.toString(), BigDecimal.TEN, "NGN", "k").providerRefundId())
                    .isEqualTo("15677891");
            paystack.verify(1, postRequestedFor(urlEqualTo("/refund")));
        }

        @Test
        void mapsRefundStates() {
            paystack.stubFor(post("/refund").willReturn(okJson(refundAnswer("processed"))));
            assertThat(provider.refund(PAYMENT_ID.toString(), BigDecimal.ONE, "NGN", "k").state())
                    .isEqualTo(Refund.State.SUCCEEDED);
            paystack.stubFor(post("/refund").willReturn(okJson(refundAnswer("failed"))));
            assertThat(provider.refund(PAYMENT_ID.toString(), BigDecimal.ONE, "NGN", "k").state())
                    .isEqualTo(Refund.State.FAILED);
        }

        @Test
        void aRefusedRefundIsAProviderError() {
            paystack.stubFor(post("/refund").willReturn(aResponse().withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("""
                            {"status": false,
                             "message": "Refund amount cannot be greater than transaction amount"}""")));
            refused(ErrorCode.PAYMENT_PROVIDER_ERROR,
                    () -> provider.refund(PAYMENT_ID.toString(), new BigDecimal("99999"), "NGN", "k"));
            refused(ErrorCode.INVALID_AMOUNT,
                    () -> provider.refund(PAYMENT_ID.toString(), new BigDecimal("1.001"), "NGN", "k"));
        }
    }

    @Nested
    class Webhooks {
        @Test
        void acceptsAValidSignatureAndReadsTheCharge() {
            byte[] body = chargeEvent("charge.success");

            WebhookEvent event = provider.verifyWebhook(body, WebhookSigner.paystackHeaders(SECRET_KEY, body), NOW);

            assertThat(event).isEqualTo(new WebhookEvent("charge.success:4099260516", Type.PAYMENT_SUCCEEDED,
                    PAYMENT_ID.toString(), ReferenceKind.CHECKOUT, PAYMENT_ID, new BigDecimal("25000.50"), "NGN",
                    Instant.parse("2026-03-01T11:58:02Z"), null, null, new BigDecimal("475.00")));
        }

        @Test
        void matchesTheHeaderNameInAnyCase() {
            byte[] body = chargeEvent("charge.success");
            String signature = WebhookSigner.paystackSignature(SECRET_KEY, body);
            assertThat(provider.verifyWebhook(body, Map.of("X-Paystack-Signature", signature), NOW).type())
                    .isEqualTo(Type.PAYMENT_SUCCEEDED);
        }

        @Test
        void refusesATamperedBody() {
            byte[] body = chargeEvent("charge.success");
            Map<String, String> headers = WebhookSigner.paystackHeaders(SECRET_KEY, body);
            byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("2500050", "50")
                    .getBytes(StandardCharsets.UTF_8);
            refused(ErrorCode.INVALID_WEBHOOK_SIGNATURE, () -> provider.verifyWebhook(tampered, headers, NOW));
        }

        @Test
        void refusesASignatureWithAnotherKey() {
            byte[] body = chargeEvent("charge.success");
            refused(ErrorCode.INVALID_WEBHOOK_SIGNATURE, () -> provider.verifyWebhook(body,
                    WebhookSigner.paystackHeaders("sk_test_someoneElse", body), NOW));
            // A SHA-256 signature with the right key is not Paystack's scheme either.
            String sha256 = Signatures.hmacHex("HmacSHA256", SECRET_KEY, body);
            refused(ErrorCode.INVALID_WEBHOOK_SIGNATURE,
                    () -> provider.verifyWebhook(body, Map.of("x-paystack-signature", sha256), NOW));
        }

        @Test
        void refusesAMissingSignature() {
            byte[] body = chargeEvent("charge.success");
            refused(ErrorCode.INVALID_WEBHOOK_SIGNATURE, () -> provider.verifyWebhook(body, Map.of(), NOW));
            refused(ErrorCode.INVALID_WEBHOOK_SIGNATURE,
                    () -> provider.verifyWebhook(body, Map.of("x-paystack-signature", " "), NOW));
        }

        @Test
        void mapsEventTypes() {
            assertThat(read(chargeEvent("charge.success")).type()).isEqualTo(Type.PAYMENT_SUCCEEDED);
            assertThat(read(chargeEvent("charge.failed")).type()).isEqualTo(Type.PAYMENT_FAILED);
            assertThat(read(refundEvent()).type()).isEqualTo(Type.REFUND_SUCCEEDED);
            WebhookEvent transfer = read("""
                    {"event": "transfer.success", "data": {"id": 37272792, "amount": 30000, "currency": "NGN",
                     "reference": "1jhbs3ozmen0k7y5efmw", "status": "success"}}""".getBytes(StandardCharsets.UTF_8));
            assertThat(transfer).isEqualTo(WebhookEvent.other("transfer.success:37272792", NOW));
        }

        @Test
        void readsAProcessedRefund() {
            assertThat(read(refundEvent())).isEqualTo(new WebhookEvent("refund.processed:ref:1329671094",
                    Type.REFUND_SUCCEEDED, PAYMENT_ID.toString(), ReferenceKind.CHECKOUT, PAYMENT_ID,
                    new BigDecimal("10000.00"), "NGN", NOW, null, null, null));
        }

        @Test
        void theEventIdIsStableAcrossRedeliveries() {
            byte[] body = """
                    {"event": "refund.processed", "data": {"status": "processed", "transaction_reference": "T0001",
                     "amount": 500, "currency": "GHS"}}""".getBytes(StandardCharsets.UTF_8);
            WebhookEvent first = read(body);
            assertThat(first.providerEventId()).startsWith("refund.processed:sha256:");
            assertThat(read(body).providerEventId()).isEqualTo(first.providerEventId());
            assertThat(first.paymentId()).isNull();
        }

        @Test
        void readsMetadataSentAsAString() {
            String paymentId = UUID.randomUUID().toString();
            byte[] body = """
                    {"event": "charge.success", "data": {"id": 1, "status": "success", "reference": "T-legacy-1",
                     "amount": 100000, "currency": "KES", "paid_at": "2026-03-01T10:00:00.000Z",
                     "metadata": "{\\"payment_id\\": \\"%s\\"}"}}""".formatted(paymentId)
                    .getBytes(StandardCharsets.UTF_8);
            WebhookEvent event = read(body);
            assertThat(event.paymentId()).hasToString(paymentId);
            assertThat(event.amount()).isEqualTo(new BigDecimal("1000.00"));
            assertThat(event.currency()).isEqualTo("KES");
        }

        @Test
        void aChargeInAnotherCurrencyIsNotEventixs() {
            byte[] body = """
                    {"event": "charge.success", "data": {"id": 7, "status": "success", "reference": "X1",
                     "amount": 100000, "currency": "XOF"}}""".getBytes(StandardCharsets.UTF_8);
            assertThat(read(body)).isEqualTo(WebhookEvent.other("charge.success:7", NOW));
        }

        @Test
        void aSignedBodyThatIsNotAnEventIsMalformed() {
            refused(ErrorCode.MALFORMED_JSON, () -> read("[]".getBytes(StandardCharsets.UTF_8)));
            refused(ErrorCode.MALFORMED_JSON, () -> read("{\"data\": {}}".getBytes(StandardCharsets.UTF_8)));
        }

        private WebhookEvent read(byte[] body) {
            return provider.verifyWebhook(body, WebhookSigner.paystackHeaders(SECRET_KEY, body), NOW);
        }
    }

    // --- Paystack's answers, shaped as its API reference and webhook guide document them -----------------------

    static String verification(String status) {
        return """
                {"status": true, "message": "Verification successful",
                 "data": {"id": 4099260516, "domain": "test", "status": "%s", "reference": "%s",
                          "receipt_number": null, "amount": 2500050, "message": null, "gateway_response": "Successful",
                          "paid_at": "2026-03-01T11:58:02.000Z", "created_at": "2026-03-01T11:57:10.000Z",
                          "channel": "card", "currency": "NGN", "ip_address": "102.89.23.11",
                          "metadata": {"payment_id": "%s", "order_id": "%s"},
                          "log": null, "fees": 47500, "fees_split": null,
                          "authorization": {"authorization_code": "AUTH_72btv547", "bin": "408408", "last4": "4081",
                                            "exp_month": "12", "exp_year": "2030", "channel": "card",
                                            "card_type": "visa ", "bank": "TEST BANK", "country_code": "NG",
                                            "brand": "visa", "reusable": true, "signature": "SIG_uSYN4fv1adlAuoij8QXh"},
                          "customer": {"id": 181873746, "first_name": null, "last_name": null,
                                       "email": "ada@example.com", "customer_code": "CUS_1rkzaqsv4rrhqo6"},
                          "plan": null, "split": {}, "order_id": null,
                          "paidAt": "2026-03-01T11:58:02.000Z", "createdAt": "2026-03-01T11:57:10.000Z",
                          "requested_amount": 2500050, "transaction_date": "2026-03-01T11:57:10.000Z"}}"""
                .formatted(status, PAYMENT_ID, PAYMENT_ID, ORDER_ID);
    }

    /** Paystack's refund list (GET /refund), with these refunds' JSON, trimmed to the fields Eventix reads. */
    static String refundList(String... refunds) {
        return "{\"status\": true, \"message\": \"Refunds retrieved\", \"data\": [" + String.join(", ", refunds)
                + "], \"meta\": {\"total\": " + refunds.length + ", \"perPage\": 50, \"page\": 1}}";
    }

    static String refundAnswer(String status) {
        return """
                {"status": true, "message": "Refund has been queued for processing",
                 "data": {"transaction": {"id": 4099260516, "domain": "test", "reference": "%s", "amount": 2500050,
                                          "paid_at": "2026-03-01T11:58:02.000Z", "channel": "card",
                                          "currency": "NGN"},
                          "integration": 463433, "deducted_amount": 0, "channel": null,
                          "merchant_note": "Eventix refund refund-7c1d", "customer_note": "Refund for transaction %s",
                          "status": "%s", "refunded_by": "ops@eventix.example",
                          "expected_at": "2026-03-11T12:00:00.000Z", "currency": "NGN", "domain": "test",
                          "amount": 1000000, "fully_deducted": false, "id": 15677891,
                          "createdAt": "2026-03-01T12:00:00.000Z", "updatedAt": "2026-03-01T12:00:00.000Z"}}"""
                .formatted(PAYMENT_ID, PAYMENT_ID, status);
    }

    static byte[] chargeEvent(String event) {
        return """
                {"event": "%s",
                 "data": {"id": 4099260516, "domain": "live", "status": "%s", "reference": "%s", "amount": 2500050,
                          "message": null, "gateway_response": "Successful", "paid_at": "2026-03-01T11:58:02.000Z",
                          "created_at": "2026-03-01T11:57:10.000Z", "channel": "card", "currency": "NGN",
                          "ip_address": "102.89.23.11",
                          "metadata": {"payment_id": "%s", "order_id": "%s",
                                       "cancel_action": "https://eventix.example/orders/no"},
                          "fees_breakdown": null, "log": null, "fees": 47500, "fees_split": null,
                          "customer": {"id": 181873746, "first_name": null, "last_name": null,
                                       "email": "ada@example.com", "customer_code": "CUS_1rkzaqsv4rrhqo6",
                                       "phone": null, "metadata": null, "risk_action": "default"},
                          "plan": {}, "subaccount": {}, "split": {}, "order_id": null,
                          "paidAt": "2026-03-01T11:58:02.000Z", "requested_amount": 2500050,
                          "pos_transaction_data": null,
                          "source": {"type": "web", "source": "checkout", "entry_point": "request_inline",
                                     "identifier": null}}}"""
                .formatted(event, event.equals("charge.success") ? "success" : "failed", PAYMENT_ID, PAYMENT_ID,
                        ORDER_ID)
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] refundEvent() {
        return """
                {"event": "refund.processed",
                 "data": {"status": "processed", "transaction_reference": "%s", "refund_reference": "1329671094",
                          "amount": "1000000", "currency": "NGN", "processor": "mpgs_zen",
                          "customer": {"first_name": null, "last_name": null, "email": "ada@example.com"},
                          "integration": 463433, "domain": "live"}}""".formatted(PAYMENT_ID)
                .getBytes(StandardCharsets.UTF_8);
    }

    static CheckoutRequest request() {
        return request(new BigDecimal("25000.50"), "NGN");
    }

    static CheckoutRequest request(BigDecimal amount, String currency) {
        return new CheckoutRequest(PAYMENT_ID, ORDER_ID, amount, currency, "ada@example.com",
                "https://eventix.example/orders/ok", "https://eventix.example/orders/no");
    }

    static ApiException refused(ErrorCode code, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ApiException.class);
        assertThat(((ApiException) thrown).code()).as(thrown.getMessage()).isEqualTo(code);
        return (ApiException) thrown;
    }
}
