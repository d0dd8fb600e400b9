package com.eventix.payments.control.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.entry;

import com.eventix.payments.WebhookSigner;
import com.eventix.payments.control.providers.PaymentStatus.State;
import com.eventix.payments.control.providers.WebhookEvent.ReferenceKind;
import com.eventix.payments.control.providers.WebhookEvent.Type;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StripeProviderTest {
    static final String SECRET_KEY = "sk_test_51EventixSecretKey0123456789";
    static final String WEBHOOK_SECRET = "whsec_EventixTestSigningSecret";
    static final UUID PAYMENT_ID = UUID.fromString("6f1c2a8e-3b4d-4c5e-9f60-7a8b9c0d1e2f");
    static final UUID ORDER_ID = UUID.fromString("0b9f8e7d-6c5b-4a39-8281-706f5e4d3c2b");
    static final String SESSION_ID = "cs_test_a1Q2w3E4r5T6y7U8i9O0pLkJhGfDsA";
    static final String INTENT_ID = "pi_3QxYz1EventixAbC0dEfGhIj";
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @RegisterExtension
    static WireMockExtension stripe = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    StripeProvider provider;

    @BeforeEach
    void setUp() {
        provider = new StripeProvider(stripe.baseUrl(), SECRET_KEY, WEBHOOK_SECRET, Duration.ofSeconds(2));
    }

    @Nested
    class CheckoutCreation {
        @Test
        void createsACheckoutSessionKeyedByTheOrder() {
            stripe.stubFor(post("/v1/checkout/sessions").willReturn(okJson(session("open", "unpaid", "null"))));

            var checkout = provider.startCheckout(new CheckoutRequest(PAYMENT_ID, ORDER_ID, new BigDecimal("45.00"),
                    "USD", "ada@example.com", "https://eventix.example/orders/ok", "https://eventix.example/orders/no",
                    "2 x General admission - Lagos Jazz Night"));

            assertThat(checkout.providerReference()).isEqualTo(SESSION_ID);
            assertThat(checkout.paymentUrl()).isEqualTo("https://checkout.stripe.com/c/pay/" + SESSION_ID
                    + "#fidkdWxOYHwnPyd1blpxYHZxWjA0");
            LoggedRequest request = onlyRequest();
            assertThat(request.getMethod().getName()).isEqualTo("POST");
            assertThat(request.getUrl()).isEqualTo("/v1/checkout/sessions");
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + SECRET_KEY);
            assertThat(request.getHeader("Idempotency-Key")).isEqualTo(ORDER_ID + ":" + PAYMENT_ID);
            assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
            assertThat(form(request)).containsExactly(
                    entry("mode", "payment"),
                    entry("line_items[0][price_data][currency]", "usd"),
                    entry("line_items[0][price_data][unit_amount]", "4500"),
                    entry("line_items[0][price_data][product_data][name]", "2 x General admission - Lagos Jazz Night"),
                    entry("line_items[0][quantity]", "1"),
                    entry("success_url", "https://eventix.example/orders/ok"),
                    entry("cancel_url", "https://eventix.example/orders/no"),
                    entry("customer_email", "ada@example.com"),
                    entry("client_reference_id", ORDER_ID.toString()),
                    entry("metadata[payment_id]", PAYMENT_ID.toString()),
                    entry("payment_intent_data[metadata][payment_id]", PAYMENT_ID.toString()));
        }

        @Test
        void sendsZeroDecimalCurrenciesAsTheAmountItself() {
            stripe.stubFor(post("/v1/checkout/sessions").willReturn(okJson(session("open", "unpaid", "null"))));

            provider.startCheckout(new CheckoutRequest(PAYMENT_ID, ORDER_ID, new BigDecimal("5000"), "JPY",
                    "ada@example.com", "https://eventix.example/ok", "https://eventix.example/no"));

            assertThat(form(onlyRequest())).contains(entry("line_items[0][price_data][currency]", "jpy"),
                    entry("line_items[0][price_data][unit_amount]", "5000"),
                    entry("line_items[0][price_data][product_data][name]", "Eventix order " + ORDER_ID));
        }

        @Test
        void refusesAnAmountThatDoesNotFitBeforeCallingStripe() {
            refused(ErrorCode.INVALID_AMOUNT, () -> provider.startCheckout(request(new BigDecimal("10.005"))));
            assertThat(stripe.getAllServeEvents()).isEmpty();
        }

        @Test
        void aStripeFailureIsAProviderErrorWithoutSecrets() {
            stripe.stubFor(post("/v1/checkout/sessions").willReturn(aResponse().withStatus(500)
                    .withHeader("Content-Type", "application/json").withHeader("Request-Id", "req_8Hq2Lx")
                    .withBody("""
                            {"error": {"type": "api_error", "message": "Something went wrong on Stripe's end."}}""")));

            ApiException e = refused(ErrorCode.PAYMENT_PROVIDER_ERROR, () -> provider.startCheckout(request()));
            assertThat(e.getMessage()).contains("HTTP 500").doesNotContain(SECRET_KEY);
            assertThat(e.details()).containsEntry("provider", "stripe").containsEntry("providerStatus", 500);
        }

        @Test
        void aRefusalIsAProviderError() {
            stripe.stubFor(post("/v1/checkout/sessions").willReturn(aResponse().withStatus(402)
                    .withHeader("Content-Type", "application/json")
                    .withBody("""
                            {"error": {"code": "card_declined", "decline_code": "generic_decline",
                              "message": "Your card was declined.", "type": "card_error"}}""")));

            assertThat(refused(ErrorCode.PAYMENT_PROVIDER_ERROR, () -> provider.startCheckout(request()))
                    .getMessage()).contains("HTTP 402").doesNotContain(SECRET_KEY);
        }

        @Test
        void aSlowStripeIsAProviderError() {
            provider = new StripeProvider(stripe.baseUrl(), SECRET_KEY, WEBHOOK_SECRET, Duration.ofMillis(300));
            stripe.stubFor(post("/v1/checkout/sessions")
                    .willReturn(okJson(session("open", "unpaid", "null")).withFixedDelay(2_000)));

            assertThat(refused(ErrorCode.PAYMENT_PROVIDER_ERROR, () -> provider.startCheckout(request()))
                    .getMessage()).contains("did not answer in time");
        }

        @Test
        void anUnreachableStripeIsAProviderError() {
            provider = new StripeProvider("http://127.0.0.1:1", SECRET_KEY, WEBHOOK_SECRET, Duration.ofSeconds(2));
            refused(ErrorCode.PAYMENT_PROVIDER_ERROR, () -> provider.startCheckout(request()));
        }

        @Test
        void anAnswerWithoutTheSessionUrlIsAProviderError() {
            stripe.stubFor(post("/v1/checkout/sessions").willReturn(okJson("{\"id\": \"" + SESSION_ID + "\"}")));
            refused(ErrorCode.PAYMENT_PROVIDER_ERROR, () -> provider.startCheckout(request()));
        }

        @Test
        void withoutASecretKeyStripeIsNotConfigured() {
            provider = new StripeProvider(stripe.baseUrl(), null, WEBHOOK_SECRET, Duration.ofSeconds(2));
            refused(ErrorCode.PAYMENT_PROVIDER_NOT_CONFIGURED, () -> provider.startCheckout(request()));
            refused(ErrorCode.PAYMENT_PROVIDER_NOT_CONFIGURED, () -> provider.status(SESSION_ID));
            refused(ErrorCode.PAYMENT_PROVIDER_NOT_CONFIGURED,
                    () -> provider.refund(SESSION_ID, BigDecimal.TEN, "USD", "refund-1"));
            provider = new StripeProvider(stripe.baseUrl(), " ", WEBHOOK_SECRET, Duration.ofSeconds(2));
            refused(ErrorCode.PAYMENT_PROVIDER_NOT_CONFIGURED, () -> provider.startCheckout(request()));
            assertThat(stripe.getAllServeEvents()).isEmpty();
        }
    }

    @Nested
    class CheckoutExpiry {
        @Test
        void expiresTheSession() {
            stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions/" + SESSION_ID + "/expire"))
                    .willReturn(okJson(session("expired", "unpaid", "null"))));

            assertThat(provider.closeCheckout(SESSION_ID)).isEqualTo(PaymentProvider.Closure.CLOSED);
            LoggedRequest request = onlyRequest();
            assertThat(request.getMethod().getName()).isEqualTo("POST");
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + SECRET_KEY);
        }

        @Test
        void aSessionNoLongerOpenCannotBeClosed() {
            stripe.stubFor(post(urlPathEqualTo("/v1/checkout/sessions/" + SESSION_ID + "/expire")).willReturn(aResponse()
                    .withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                            {"error": {"type": "invalid_request_error", "code": "checkout_session_unexpirable",
                              "message": "Only Checkout Sessions with a status of open can be expired."}}""")));
            refused(ErrorCode.PAYMENT_PROVIDER_ERROR, () -> provider.closeCheckout(SESSION_ID));
        }
    }

    @Nested
    class StatusQueries {
        @Test
        void asksForTheSessionWithItsPaymentIntent() {
            stubSession(session("complete", "paid", intent("succeeded")));

            PaymentStatus status = provider.status(SESSION_ID);

            assertThat(status)
                    .isEqualTo(new PaymentStatus(SESSION_ID, State.SUCCEEDED, new BigDecimal("45.00"), "USD", INTENT_ID));
            LoggedRequest request = onlyRequest();
            assertThat(request.getMethod().getName()).isEqualTo("GET");
            assertThat(request.getUrl())
                    .isEqualTo("/v1/checkout/sessions/" + SESSION_ID + "?expand%5B%5D=payment_intent");
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + SECRET_KEY);
        }

        @Test
        void mapsSessionStates() {
            assertThat(stateOf(session("open", "unpaid", "null"))).isEqualTo(State.PENDING);
            assertThat(stateOf(session("complete", "paid", intent("succeeded")))).isEqualTo(State.SUCCEEDED);
            assertThat(stateOf(session("complete", "no_payment_required", "null"))).isEqualTo(State.SUCCEEDED);
            assertThat(stateOf(session("expired", "unpaid", "null"))).isEqualTo(State.FAILED);
            // An asynchronous payment (e.g. a bank debit) under way, then failed.
            assertThat(stateOf(session("complete", "unpaid", intent("processing")))).isEqualTo(State.PENDING);
            assertThat(stateOf(session("complete", "unpaid", intent("requires_payment_method"))))
                    .isEqualTo(State.FAILED);
        }

        @Test
        void anUnknownSessionIsAProviderError() {
            stripe.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/cs_test_nope")).willReturn(aResponse()
                    .withStatus(404).withHeader("Content-Type", "application/json").withBody("""
                            {"error": {"code": "resource_missing", "param": "session", "type": "invalid_request_error",
                              "message": "No such checkout.session: 'cs_test_nope'"}}""")));
            refused(ErrorCode.PAYMENT_PROVIDER_ERROR, () -> provider.status("cs_test_nope"));
        }

        private State stateOf(String session) {
            stripe.resetAll();
            stubSession(session);
            return provider.status(SESSION_ID).state();
        }
    }

    @Nested
    class Refunds {
        @Test
        void refundsThroughThePaymentIntentWithTheIdempotencyKey() {
            stubSession(session("complete", "paid", intent("succeeded")));
            stripe.stubFor(post("/v1/refunds").willReturn(okJson(refund("succeeded"))));

            Refund refund = provider.refund(SESSION_ID, new BigDecimal("15.00"), "USD", "refund-7c1d");

            assertThat(refund).isEqualTo(new Refund("re_3QxYz1EventixRf0001", Refund.State.SUCCEEDED));
            stripe.verify(1, getRequestedFor(urlPathEqualTo("/v1/checkout/sessions/" + SESSION_ID)));
            List<LoggedRequest> posts = stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/refunds")));
            assertThat(posts).hasSize(1);
            LoggedRequest post = posts.get(0);
            assertThat(post.getHeader("Authorization")).isEqualTo("Bearer " + SECRET_KEY);
            assertThat(post.getHeader("Idempotency-Key")).isEqualTo("refund-7c1d");
            assertThat(form(post)).containsExactly(entry("payment_intent", INTENT_ID), entry("amount", "1500"),
                    entry("metadata[payment_id]", PAYMENT_ID.toString()));
        }

        @Test
        void aPendingRefundIsPending() {
            stubSession(session("complete", "paid", "\"" + INTENT_ID + "\""));
            stripe.stubFor(post("/v1/refunds").willReturn(okJson(refund("pending"))));

            assertThat(provider.refund(SESSION_ID, new BigDecimal("45"), "usd", "refund-2").state())
                    .isEqualTo(Refund.State.PENDING);
            assertThat(form(stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/refunds"))).get(0)))
                    .containsEntry("payment_intent", INTENT_ID).containsEntry("amount", "4500");
        }

        @Test
        void refusesAnotherCurrencyOrAnUnpaidSession() {
            stubSession(session("complete", "paid", intent("succeeded")));
            refused(ErrorCode.INVALID_CURRENCY, () -> provider.refund(SESSION_ID, BigDecimal.TEN, "EUR", "k1"));
            stripe.resetAll();
            stubSession(session("open", "unpaid", "null"));
            refused(ErrorCode.CONFLICT, () -> provider.refund(SESSION_ID, BigDecimal.TEN, "USD", "k2"));
            refused(ErrorCode.INVALID_AMOUNT, () -> provider.refund(SESSION_ID, new BigDecimal("10.005"), "USD", "k3"));
            assertThat(stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/refunds")))).isEmpty();
        }

        @Test
        void aFailedRefundCallIsAProviderError() {
            stubSession(session("complete", "paid", intent("succeeded")));
            stripe.stubFor(post("/v1/refunds").willReturn(aResponse().withStatus(500)));
            refused(ErrorCode.PAYMENT_PROVIDER_ERROR, () -> provider.refund(SESSION_ID, BigDecimal.TEN, "USD", "k"));
        }
    }

    @Nested
    class Webhooks {
        @Test
        void acceptsAValidSignatureAndReadsTheEvent() {
            byte[] body = event("evt_1QcompletedEventix", "checkout.session.completed",
                    session("complete", "paid", "\"" + INTENT_ID + "\""));

            WebhookEvent event = provider.verifyWebhook(body,
                    WebhookSigner.stripeHeaders(WEBHOOK_SECRET, NOW.minusSeconds(20), body), NOW);

            assertThat(event).isEqualTo(new WebhookEvent("evt_1QcompletedEventix", Type.PAYMENT_SUCCEEDED, SESSION_ID,
                    ReferenceKind.CHECKOUT, PAYMENT_ID, new BigDecimal("45.00"), "USD",
                    Instant.ofEpochSecond(1772366400L), INTENT_ID, null, null));
        }

        @Test
        void refusesATamperedBody() {
            byte[] body = event("evt_1", "checkout.session.completed", session("complete", "paid", "null"));
            Map<String, String> headers = WebhookSigner.stripeHeaders(WEBHOOK_SECRET, NOW, body);
            byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("4500", "45")
                    .getBytes(StandardCharsets.UTF_8);

            refused(ErrorCode.INVALID_WEBHOOK_SIGNATURE, () -> provider.verifyWebhook(tampered, headers, NOW));
            // Not even a trailing newline may differ: the signature covers the exact bytes.
            byte[] reencoded = (new String(body, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
            refused(ErrorCode.INVALID_WEBHOOK_SIGNATURE, () -> provider.verifyWebhook(reencoded, headers, NOW));
        }

        @Test
        void refusesASignatureWithAnotherSecret() {
            byte[] body = event("evt_1", "checkout.session.completed", session("complete", "paid", "null"));
            refused(ErrorCode.INVALID_WEBHOOK_SIGNATURE, () -> provider.verifyWebhook(body,
                    WebhookSigner.stripeHeaders("whsec_someoneElse", NOW, body), NOW));
        }

        @Test
        void refusesATimestampOutsideTheTolerance() {
            byte[] body = event("evt_1", "checkout.session.completed", session("complete", "paid", "null"));
            refused(ErrorCode.INVALID_WEBHOOK_SIGNATURE, () -> provider.verifyWebhook(body,
                    WebhookSigner.stripeHeaders(WEBHOOK_SECRET, NOW.minusSeconds(301), body), NOW));
            refused(ErrorCode.INVALID_WEBHOOK_SIGNATURE, () -> provider.verifyWebhook(body,
                    WebhookSigner.stripeHeaders(WEBHOOK_SECRET, NOW.plusSeconds(301), body), NOW));
            assertThat(provider.verifyWebhook(body,
                    WebhookSigner.stripeHeaders(WEBHOOK_SECRET, NOW.minusSeconds(300), body), NOW).type())
                    .isEqualTo(Type.PAYMENT_SUCCEEDED);
        }

        @Test
        void acceptsWhenAnyOfSeveralSignaturesMatches() {
            byte[] body = event("evt_1", "checkout.session.completed", session("complete", "paid", "null"));
            long t = NOW.getEpochSecond();
            String header = "t=" + t + ",v1=" + WebhookSigner.stripeV1("whsec_oldSecret", t, body)
                    + ",v1=" + WebhookSigner.stripeV1(WEBHOOK_SECRET, t, body)
                    + ",v0=6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39";

            assertThat(provider.verifyWebhook(body, Map.of("stripe-signature", header), NOW).type())
                    .isEqualTo(Type.PAYMENT_SUCCEEDED);

            String noneMatching = "t=" + t + ",v1=" + WebhookSigner.stripeV1("whsec_oldSecret", t, body)
                    + ",v1=" + WebhookSigner.stripeV1("whsec_otherSecret", t, body);
            refused(ErrorCode.INVALID_WEBHOOK_SIGNATURE,
                    () -> provider.verifyWebhook(body, Map.of("Stripe-Signature", noneMatching), NOW));
        }

        @Test
        void refusesAMissingOrMalformedHeader() {
            byte[] body = event("evt_1", "checkout.session.completed", session("complete", "paid", "null"));
            long t = NOW.getEpochSecond();
            String v1 = WebhookSigner.stripeV1(WEBHOOK_SECRET, t, body);
            refused(ErrorCode.INVALID_WEBHOOK_SIGNATURE, () -> provider.verifyWebhook(body, Map.of(), NOW));
            refused(ErrorCode.INVALID_WEBHOOK_SIGNATURE,
                    () -> provider.verifyWebhook(body, Map.of("Stripe-Signature", ""), NOW));
            refused(ErrorCode.INVALID_WEBHOOK_SIGNATURE,
                    () -> provider.verifyWebhook(body, Map.of("Stripe-Signature", "v1=" + v1), NOW));
            refused(ErrorCode.INVALID_WEBHOOK_SIGNATURE,
                    () -> provider.verifyWebhook(body, Map.of("Stripe-Signature", "t=" + t), NOW));
            refused(ErrorCode.INVALID_WEBHOOK_SIGNATURE,
                    () -> provider.verifyWebhook(body, Map.of("Stripe-Signature", "t=soon,v1=" + v1), NOW));
            refused(ErrorCode.INVALID_WEBHOOK_SIGNATURE,
                    () -> provider.verifyWebhook(body, Map.of("Stripe-Signature", "t=" + t + ",v0=" + v1), NOW));
        }

        @Test
        void withoutASigningSecretWebhooksAreNotConfigured() {
            provider = new StripeProvider(stripe.baseUrl(), SECRET_KEY, null, Duration.ofSeconds(2));
            byte[] body = event("evt_1", "checkout.session.completed", session("complete", "paid", "null"));
            refused(ErrorCode.PAYMENT_PROVIDER_NOT_CONFIGURED, () -> provider.verifyWebhook(body,
                    WebhookSigner.stripeHeaders(WEBHOOK_SECRET, NOW, body), NOW));
        }

        @Test
        void mapsEventTypes() {
            assertThat(typeOf("checkout.session.completed", session("complete", "paid", "null")))
                    .isEqualTo(Type.PAYMENT_SUCCEEDED);
            // Completed with an asynchronous payment method: not paid yet.
            assertThat(typeOf("checkout.session.completed", session("complete", "unpaid", "null")))
                    .isEqualTo(Type.OTHER);
            assertThat(typeOf("checkout.session.async_payment_succeeded", session("complete", "paid", "null")))
                    .isEqualTo(Type.PAYMENT_SUCCEEDED);
            assertThat(typeOf("checkout.session.async_payment_failed", session("complete", "unpaid", "null")))
                    .isEqualTo(Type.PAYMENT_FAILED);
            assertThat(typeOf("checkout.session.expired", session("expired", "unpaid", "null")))
                    .isEqualTo(Type.PAYMENT_FAILED);
            assertThat(typeOf("payment_intent.created", intent("requires_payment_method"))).isEqualTo(Type.OTHER);
        }

        @Test
        void readsARefundByItsPaymentIntent() {
            byte[] body = event("evt_3QrefundEventix", "charge.refunded", """
                    {"id": "ch_3QxYz1EventixCh0001", "object": "charge", "amount": 4500, "amount_captured": 4500,
                     "amount_refunded": 1500, "captured": true, "currency": "usd",
                     "metadata": {"payment_id": "%s"}, "paid": true, "payment_intent": "%s",
                     "refunded": false, "status": "succeeded"}""".formatted(PAYMENT_ID, INTENT_ID));

            WebhookEvent event = provider.verifyWebhook(body, WebhookSigner.stripeHeaders(WEBHOOK_SECRET, NOW, body),
                    NOW);

            assertThat(event).isEqualTo(new WebhookEvent("evt_3QrefundEventix", Type.REFUNDED_TOTAL, INTENT_ID,
                    ReferenceKind.PAYMENT_INTENT, PAYMENT_ID, new BigDecimal("15.00"), "USD",
                    Instant.ofEpochSecond(1772366400L), "ch_3QxYz1EventixCh0001", null, null));
        }

        @Test
        void readsADisputeAndWhatEachOfItsEventsDoesToTheMoney() {
            String dispute = """
                    {"id": "dp_1QdisputeEventix", "object": "dispute", "amount": 4500, "currency": "usd",
                     "charge": "ch_3QxYz1EventixCh0001", "payment_intent": "%s", "reason": "fraudulent",
                     "status": "%s"}""";
            Object[][] cases = {
                    {"charge.dispute.created", "needs_response", WebhookEvent.Dispute.Status.OPEN,
                            WebhookEvent.Dispute.FundsMove.WITHDRAWN},
                    {"charge.dispute.created", "warning_needs_response", WebhookEvent.Dispute.Status.INQUIRY,
                            WebhookEvent.Dispute.FundsMove.NONE},
                    {"charge.dispute.funds_withdrawn", "needs_response", WebhookEvent.Dispute.Status.OPEN,
                            WebhookEvent.Dispute.FundsMove.WITHDRAWN},
                    {"charge.dispute.updated", "under_review", WebhookEvent.Dispute.Status.OPEN,
                            WebhookEvent.Dispute.FundsMove.NONE},
                    {"charge.dispute.funds_reinstated", "won", WebhookEvent.Dispute.Status.WON,
                            WebhookEvent.Dispute.FundsMove.REINSTATED},
                    {"charge.dispute.closed", "won", WebhookEvent.Dispute.Status.WON,
                            WebhookEvent.Dispute.FundsMove.REINSTATED},
                    {"charge.dispute.closed", "lost", WebhookEvent.Dispute.Status.LOST,
                            WebhookEvent.Dispute.FundsMove.NONE}};
            for (Object[] c : cases) {
                byte[] body = event("evt_dispute", (String) c[0], dispute.formatted(INTENT_ID, c[1]));
                WebhookEvent event = provider.verifyWebhook(body, WebhookSigner.stripeHeaders(WEBHOOK_SECRET, NOW, body),
                        NOW);
                assertThat(event).as("%s %s", c[0], c[1]).isEqualTo(new WebhookEvent("evt_dispute", Type.DISPUTE,
                        INTENT_ID, ReferenceKind.PAYMENT_INTENT, null, new BigDecimal("45.00"), "USD",
                        Instant.ofEpochSecond(1772366400L), "dp_1QdisputeEventix",
                        new WebhookEvent.Dispute((WebhookEvent.Dispute.Status) c[2],
                                (WebhookEvent.Dispute.FundsMove) c[3], "fraudulent"), null));
            }
        }

        @Test
        void aSettledChargeNamesItsBalanceTransactionWhoseFeeIsAskedFor() {
            String charge = """
                    {"id": "ch_3QxYz1EventixCh0001", "object": "charge", "amount": 4500, "currency": "usd",
                     "metadata": {"payment_id": "%s"}, "payment_intent": "%s", "balance_transaction": %s,
                     "status": "succeeded"}""";
            byte[] settled = event("evt_fee", "charge.succeeded", charge.formatted(PAYMENT_ID, INTENT_ID, "\"txn_1Qfee\""));
            assertThat(provider.verifyWebhook(settled, WebhookSigner.stripeHeaders(WEBHOOK_SECRET, NOW, settled), NOW))
                    .isEqualTo(new WebhookEvent("evt_fee", Type.FEE_REPORTED, INTENT_ID, ReferenceKind.PAYMENT_INTENT,
                            PAYMENT_ID, new BigDecimal("45.00"), "USD", Instant.ofEpochSecond(1772366400L), "txn_1Qfee",
                            null, null));
            byte[] pending = event("evt_nofee", "charge.succeeded", charge.formatted(PAYMENT_ID, INTENT_ID, "null"));
            assertThat(provider.verifyWebhook(pending, WebhookSigner.stripeHeaders(WEBHOOK_SECRET, NOW, pending), NOW)
                    .type()).as("no settlement yet: charge.updated will name it").isEqualTo(Type.OTHER);

            stripe.stubFor(get(urlPathEqualTo("/v1/balance_transactions/txn_1Qfee")).willReturn(okJson(
                    "{\"id\":\"txn_1Qfee\",\"object\":\"balance_transaction\",\"amount\":4500,\"fee\":161,"
                            + "\"currency\":\"usd\",\"net\":4339}")));
            assertThat(provider.fee("txn_1Qfee", "USD")).contains(new BigDecimal("1.61"));
            assertThat(provider.fee("txn_1Qfee", "EUR")).as("settled in another currency").isEmpty();
        }

        @Test
        void anOtherEventCarriesOnlyItsId() {
            byte[] body = event("evt_other", "customer.created", "{\"id\": \"cus_1\", \"object\": \"customer\"}");
            assertThat(provider.verifyWebhook(body, WebhookSigner.stripeHeaders(WEBHOOK_SECRET, NOW, body), NOW))
                    .isEqualTo(WebhookEvent.other("evt_other", Instant.ofEpochSecond(1772366400L)));
        }

        @Test
        void aSignedBodyThatIsNotAnEventIsMalformed() {
            byte[] body = "{\"hello\":".getBytes(StandardCharsets.UTF_8);
            refused(ErrorCode.MALFORMED_JSON, () -> provider.verifyWebhook(body,
                    WebhookSigner.stripeHeaders(WEBHOOK_SECRET, NOW, body), NOW));
            byte[] noType = "{\"id\": \"evt_1\", \"created\": 1}".getBytes(StandardCharsets.UTF_8);
            refused(ErrorCode.MALFORMED_JSON, () -> provider.verifyWebhook(noType,
                    WebhookSigner.stripeHeaders(WEBHOOK_SECRET, NOW, noType), NOW));
        }

        private Type typeOf(String type, String object) {
            byte[] body = event("evt_" + type, type, object);
            return provider.verifyWebhook(body, WebhookSigner.stripeHeaders(WEBHOOK_SECRET, NOW, body), NOW).type();
        }
    }

    // --- Stripe's answers, shaped as its API reference documents them -------------------------------------------

    static String session(String status, String paymentStatus, String paymentIntentJson) {
        return """
                {
                  "id": "%s",
                  "object": "checkout.session",
                  "amount_subtotal": 4500,
                  "amount_total": 4500,
                  "cancel_url": "https://eventix.example/orders/no",
                  "client_reference_id": "%s",
                  "created": 1772366100,
                  "currency": "usd",
                  "customer": null,
                  "customer_email": "ada@example.com",
                  "expires_at": 1772452500,
                  "livemode": false,
                  "metadata": {"payment_id": "%s"},
                  "mode": "payment",
                  "payment_intent": %s,
                  "payment_method_types": ["card"],
                  "payment_status": "%s",
                  "status": "%s",
                  "success_url": "https://eventix.example/orders/ok",
                  "url": %s
                }""".formatted(SESSION_ID, ORDER_ID, PAYMENT_ID, paymentIntentJson, paymentStatus, status,
                "open".equals(status) ? "\"https://checkout.stripe.com/c/pay/" + SESSION_ID
                        + "#fidkdWxOYHwnPyd1blpxYHZxWjA0\"" : "null");
    }

    static String intent(String status) {
        return """
                {"id": "%s", "object": "payment_intent", "amount": 4500, "currency": "usd",
                 "metadata": {"payment_id": "%s"}, "status": "%s"}""".formatted(INTENT_ID, PAYMENT_ID, status);
    }

    static String refund(String status) {
        return """
                {"id": "re_3QxYz1EventixRf0001", "object": "refund", "amount": 1500,
                 "charge": "ch_3QxYz1EventixCh0001", "created": 1772366700, "currency": "usd",
                 "metadata": {"payment_id": "%s"}, "payment_intent": "%s", "reason": null,
                 "status": "%s"}""".formatted(PAYMENT_ID, INTENT_ID, status);
    }

    static byte[] event(String id, String type, String object) {
        return """
                {
                  "id": "%s",
                  "object": "event",
                  "api_version": "2024-06-20",
                  "created": 1772366400,
                  "data": {"object": %s},
                  "livemode": false,
                  "pending_webhooks": 1,
                  "request": {"id": null, "idempotency_key": null},
                  "type": "%s"
                }""".formatted(id, object, type).getBytes(StandardCharsets.UTF_8);
    }

    void stubSession(String session) {
        stripe.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/" + SESSION_ID))
                .withQueryParam("expand[]", equalTo("payment_intent")).willReturn(okJson(session)));
    }

    static CheckoutRequest request() {
        return request(new BigDecimal("45.00"));
    }

    static CheckoutRequest request(BigDecimal amount) {
        return new CheckoutRequest(PAYMENT_ID, ORDER_ID, amount, "USD", "ada@example.com",
                "https://eventix.example/orders/ok", "https://eventix.example/orders/no");
    }

    LoggedRequest onlyRequest() {
        assertThat(stripe.getAllServeEvents()).hasSize(1);
        return stripe.getAllServeEvents().get(0).getRequest();
    }

    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    static ApiException refused(ErrorCode code, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ApiException.class);
        assertThat(((ApiException) thrown).code()).as(thrown.getMessage()).isEqualTo(code);
        return (ApiException) thrown;
    }
}
