package com.eventix.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.eventix.payments.WebhookSigner;
import com.eventix.testing.Api;
import com.eventix.testing.Db;
import com.eventix.testing.IntegrationTest;
import com.eventix.testing.Mailbox;
import com.eventix.testing.Organizer;
import com.eventix.testing.QrCodes;
import com.eventix.testing.SharedServices;
import com.eventix.testing.SuiteServices;
import com.eventix.testing.TestUsers;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** From hold to ticket with the sandbox provider: order, hosted checkout, signed webhook, tickets, email. */
// It stops the broker.
@ResourceLock(SharedServices.BROKER)
class CheckoutIT extends IntegrationTest {
    private static final Instant SOON = Instant.now().plus(25, ChronoUnit.DAYS);

    private Api admin;
    private Organizer organizer;

    @BeforeEach
    void setUp() {
        admin = admin();
        organizer = Organizer.verified(api(), admin, "checkout");
    }

    /** A published event's only tier: 100 tickets at 25.50 USD. */
    private String tier() {
        String eventId = organizer.published(admin, Organizer.eventBody("Checkout night", "music", "", SOON), "25.50");
        return organizer.event(eventId).getString("data.tiers[0].id");
    }

    private record Buyer(Api api, String email) {
    }

    private Buyer buyer() {
        Api client = api();
        String email = TestUsers.uniqueEmail("payer");
        return new Buyer(client.as((String) client.registerAndLogin(email, "payer passphrase").get("accessToken")), email);
    }

    private static JsonPath checkout(Api buyer, String reservationId) {
        return buyer.post("/api/v1/orders", Map.of("reservationIds", List.of(reservationId)))
                .then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath order(Api buyer, JsonPath checkout) {
        return buyer.get("/api/v1/orders/" + checkout.getString("data.orderId")).then().statusCode(200)
                .extract().jsonPath();
    }

    private String hold(Api buyer, String tierId, int quantity) {
        return buyer.post("/api/v1/tickets/reserve", Map.of("tierId", tierId, "quantity", quantity)).then()
                .statusCode(201).extract().jsonPath().getString("data.reservationId");
    }

    /** The payer's browser on the sandbox checkout page. */
    private void payOnCheckoutPage(String paymentUrl, String button) {
        String path = URI.create(paymentUrl).getPath();
        String page = api().request().accept("text/html").get(path).then().statusCode(200).extract().asString();
        assertThat(page).containsPattern("Pay \\d+\\.\\d{2} USD").contains("Decline");
        api().request().accept("text/html").post(path + "/" + button).then().statusCode(200);
    }

    @Test
    void aPaidOrderBecomesTicketsWithSignedQrCodesByEmail() throws Exception {
        String tierId = tier();
        Buyer buyer = buyer();
        String reservationId = hold(buyer.api(), tierId, 2);
        JsonPath checkout = checkout(buyer.api(), reservationId);
        assertThat(checkout.getString("data.status")).isEqualTo("AUTHORIZED");
        String orderId = checkout.getString("data.orderId");
        buyer.api().get("/api/v1/orders/" + orderId).then().statusCode(200).body("data.status", equalTo("PENDING"))
                .body("data.totalAmount", equalTo(51.0f)).body("data.paymentStatus", equalTo("AUTHORIZED"));
        Api stranger = buyer().api();
        stranger.get("/api/v1/orders/" + orderId).then().statusCode(404);

        payOnCheckoutPage(checkout.getString("data.paymentUrl"), "pay");

        JsonPath order = buyer.api().get("/api/v1/orders/" + orderId).then().statusCode(200).extract().jsonPath();
        assertThat(order.getString("data.status")).isEqualTo("PAID");
        assertThat(order.getString("data.paymentStatus")).isEqualTo("COMPLETED");
        List<String> ticketIds = order.getList("data.ticketIds", String.class);
        assertThat(ticketIds).hasSize(2);
        assertThat(buyer.api().get("/api/v1/tickets/my-tickets").then().statusCode(200).extract().jsonPath()
                .getList("data.items.id", String.class)).containsExactlyInAnyOrderElementsOf(ticketIds);

        String ticketId = ticketIds.get(0);
        String code = buyer.api().get("/api/v1/tickets/" + ticketId).then().statusCode(200)
                .body("data.status", equalTo("VALID")).extract().jsonPath().getString("data.qrCode");
        assertThat(code).startsWith("EVX1.");
        byte[] png = buyer.api().get("/api/v1/tickets/" + ticketId + "/qr").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertThat(QrCodes.decode(png)).isEqualTo(code);
        assertSignedByTheEventsPublishedKey(code, buyer.api().get("/api/v1/tickets/" + ticketId).then().extract()
                .jsonPath().getString("data.eventId"));
        stranger.get("/api/v1/tickets/" + ticketId).then().statusCode(404);
        stranger.get("/api/v1/tickets/" + ticketId + "/qr").then().statusCode(404);
        admin.get("/api/v1/tickets/" + ticketId).then().statusCode(200).body("data.qrCode", equalTo(code));
        admin.get("/api/v1/orders/" + orderId).then().statusCode(200);
        buyer.api().get("/api/v1/tickets/reservations/" + reservationId).then().body("data.status", equalTo("CONSUMED"));

        MimeMessage mail = Mailbox.await(buyer.email(), "Your tickets", Duration.ofSeconds(30)).orElseThrow();
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getCount()).as("text and two QR images").isEqualTo(3);
        byte[] attached = parts.getBodyPart(1).getInputStream().readAllBytes();
        assertThat(List.of(code, buyer.api().get("/api/v1/tickets/" + ticketIds.get(1)).then().extract().jsonPath()
                .getString("data.qrCode"))).contains(QrCodes.decode(attached));
        assertInventoryBalanced(tierId);
    }

    @Test
    void theTicketKeyOfAnEventNotYetPublicIsOnlyForItsOrganizer() {
        String draft = organizer.draft(Organizer.eventBody("Secret gig", "music", "", SOON));
        api().get("/api/v1/events/" + draft + "/ticket-key").then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        buyer().api().get("/api/v1/events/" + draft + "/ticket-key").then().statusCode(404);
        String key = organizer.api.get("/api/v1/events/" + draft + "/ticket-key").then().statusCode(200)
                .extract().jsonPath().getString("data.publicKey");
        assertThat(java.util.Base64.getUrlDecoder().decode(key)).hasSize(32);
        admin.get("/api/v1/events/" + draft + "/ticket-key").then().statusCode(200)
                .body("data.publicKey", equalTo(key));
        api().get("/api/v1/events/" + java.util.UUID.randomUUID() + "/ticket-key").then().statusCode(404);
    }

    @Test
    void ticketsAreEmailedOnceEvenThroughABrokerOutageAndARedelivery() throws Exception {
        String tierId = tier();
        Buyer buyer = buyer();
        JsonPath checkout = checkout(buyer.api(), hold(buyer.api(), tierId, 1));
        services().broker.stop();
        try {
            payOnCheckoutPage(checkout.getString("data.paymentUrl"), "pay");
            assertThat(order(buyer.api(), checkout).getString("data.status")).as("paid while the broker is down")
                    .isEqualTo("PAID");
            Thread.sleep(2000);
            assertThat(Mailbox.to(buyer.email(), "Your tickets")).isEmpty();
        } finally {
            services().broker.start();
        }
        Mailbox.await(buyer.email(), "Your tickets", Duration.ofSeconds(30)).orElseThrow();

        // The broker hands the same message over again (as after a consumer crash before its ack): no second email.
        String payload = outboxPayload(buyer.email());
        try (var connection = new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory(
                services().broker.url()).createConnection()) {
            var session = connection.createSession(false, jakarta.jms.Session.AUTO_ACKNOWLEDGE);
            var message = session.createTextMessage(payload);
            message.setStringProperty("eventixMessageId", outboxId(buyer.email()));
            String namespace = api().get("/health/ready").then().extract().jsonPath()
                    .getString("checks.find { it.name == 'broker' }.data.queueNamespace");
            session.createProducer(session.createQueue("eventix.notifications." + namespace)).send(message);
        }
        Thread.sleep(3000);
        assertThat(Mailbox.to(buyer.email(), "Your tickets")).hasSize(1);
    }


    private String outboxPayload(String email) throws Exception {
        return outboxColumn("payload", email);
    }

    private String outboxId(String email) throws Exception {
        return outboxColumn("id::text", email);
    }

    private String outboxColumn(String column, String email) throws Exception {
        try (Connection c = services().database.connect(); PreparedStatement s = c.prepareStatement("SELECT " + column
                + " FROM outbox_messages WHERE payload LIKE ? AND payload LIKE '%ORDER_CONFIRMED%'")) {
            s.setString(1, "%" + email + "%");
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    @Test
    void webhooksAreVerifiedAndAppliedOnce() throws Exception {
        String tierId = tier();
        Buyer buyer = buyer();
        JsonPath checkout = checkout(buyer.api(), hold(buyer.api(), tierId, 1));
        byte[] body = sandboxPaid(checkout, "evt_replay_", 2550);

        Response forged = webhook(body, WebhookSigner.stripeHeaders("whsec_wrong", Instant.now(), body));
        forged.then().statusCode(400).body("error.code", equalTo("INVALID_WEBHOOK_SIGNATURE"));
        Response stale = webhook(body, WebhookSigner.stripeHeaders(SuiteServices.SANDBOX_WEBHOOK_SECRET,
                Instant.now().minus(10, ChronoUnit.MINUTES), body));
        stale.then().statusCode(400);
        assertThat(order(buyer.api(), checkout)
                .getString("data.status")).as("rejected webhooks change nothing").isEqualTo("PENDING");

        for (int i = 0; i < 3; i++) {
            webhook(body, WebhookSigner.stripeHeaders(SuiteServices.SANDBOX_WEBHOOK_SECRET, Instant.now(), body))
                    .then().statusCode(200);
        }
        JsonPath order = order(buyer.api(), checkout);
        assertThat(order.getString("data.status")).isEqualTo("PAID");
        assertThat(order.getList("data.ticketIds")).as("one ticket, however often the webhook came").hasSize(1);
        assertInventoryBalanced(tierId);
    }

    @Test
    void aDeclinedPaymentCancelsTheOrderAndReleasesTheHoldAndMoneyTakenLaterIsRefunded() throws Exception {
        String tierId = tier();
        Buyer buyer = buyer();
        String reservationId = hold(buyer.api(), tierId, 2);
        JsonPath checkout = checkout(buyer.api(), reservationId);
        payOnCheckoutPage(checkout.getString("data.paymentUrl"), "decline");
        JsonPath order = order(buyer.api(), checkout);
        assertThat(order.getString("data.paymentStatus")).isEqualTo("FAILED");
        assertThat(order.getString("data.status")).isEqualTo("CANCELLED");
        assertThat(order.getList("data.ticketIds")).isEmpty();
        buyer.api().get("/api/v1/tickets/reservations/" + reservationId).then().body("data.status", equalTo("RELEASED"));
        assertThat(available(tierId)).isEqualTo(100);
        buyer.api().post("/api/v1/orders", Map.of("reservationIds", List.of(reservationId))).then().statusCode(409)
                .body("error.code", equalTo("RESERVATION_ALREADY_ORDERED"));
        buyer().api().post("/api/v1/orders", Map.of("reservationIds", List.of(reservationId))).then().statusCode(404);
        assertInventoryBalanced(tierId);

        // The payer tried again on the provider's page and the money was taken after all: it must go back.
        byte[] paid = sandboxPaid(checkout, "evt_after_decline_", 5100);
        webhook(paid, WebhookSigner.stripeHeaders(SuiteServices.SANDBOX_WEBHOOK_SECRET, Instant.now(), paid))
                .then().statusCode(200);
        JsonPath refunded = order(buyer.api(), checkout);
        assertThat(refunded.getString("data.paymentStatus")).isEqualTo("REFUNDED");
        assertThat(refunded.getString("data.status")).isEqualTo("CANCELLED");
        assertThat(refunded.getList("data.ticketIds")).isEmpty();
        assertThat(available(tierId)).isEqualTo(100);
    }

    @Test
    void cancellingAnEventReleasesItsHoldsAndClosesTheirCheckouts() throws Exception {
        String eventId = organizer.published(admin, Organizer.eventBody("Called off", "music", "", SOON), "25.50");
        String tierId = organizer.event(eventId).getString("data.tiers[0].id");
        Buyer buyer = buyer();
        String reservationId = hold(buyer.api(), tierId, 2);
        String unordered = hold(buyer.api(), tierId, 1);
        JsonPath checkout = checkout(buyer.api(), reservationId);
        organizer.api.post("/api/v1/events/" + eventId + "/cancel", Map.of("reason", "Storm warning")).then()
                .statusCode(200);

        for (String id : List.of(reservationId, unordered)) {
            buyer.api().get("/api/v1/tickets/reservations/" + id).then().body("data.status", equalTo("RELEASED"));
        }
        assertThat(available(tierId)).isEqualTo(100);
        buyer.api().post("/api/v1/orders", Map.of("reservationIds", List.of(unordered))).then().statusCode(422)
                .body("error.code", equalTo("SALES_CLOSED"));
        awaitOrder(buyer.api(), checkout, "EXPIRED");
        assertThat(order(buyer.api(), checkout).getString("data.paymentStatus")).isEqualTo("FAILED");
        String path = URI.create(checkout.getString("data.paymentUrl")).getPath();
        assertThat(api().request().accept("text/html").get(path).then().statusCode(200).extract().asString())
                .contains("This checkout is expired");
        assertInventoryBalanced(tierId);
    }

    @Test
    void freeTicketsNeedNoPayment() throws Exception {
        String eventId = organizer.published(admin, Organizer.eventBody("Open day", "community", "", SOON), "0");
        String tierId = organizer.event(eventId).getString("data.tiers[0].id");
        Buyer buyer = buyer();
        JsonPath checkout = checkout(buyer.api(), hold(buyer.api(), tierId, 2));
        assertThat(checkout.getString("data.status")).isEqualTo("COMPLETED");
        assertThat(checkout.getString("data.paymentUrl")).isNull();
        JsonPath order = order(buyer.api(), checkout);
        assertThat(order.getString("data.status")).isEqualTo("PAID");
        assertThat(order.getList("data.ticketIds")).hasSize(2);
        assertThat(Mailbox.await(buyer.email(), "Your tickets", Duration.ofSeconds(30))).isPresent();
        assertInventoryBalanced(tierId);
    }

    @Test
    void anUnpaidCheckoutIsClosedWhenItsHoldRunsOut() throws Exception {
        String tierId = tier();
        Buyer buyer = buyer();
        String reservationId = hold(buyer.api(), tierId, 2);
        JsonPath checkout = checkout(buyer.api(), reservationId);
        expire(reservationId);
        awaitStatus(buyer.api(), reservationId, "EXPIRED");
        assertThat(available(tierId)).isEqualTo(100);

        awaitOrder(buyer.api(), checkout, "EXPIRED");
        JsonPath order = order(buyer.api(), checkout);
        assertThat(order.getString("data.paymentStatus")).isEqualTo("FAILED");
        String path = URI.create(checkout.getString("data.paymentUrl")).getPath();
        assertThat(api().request().accept("text/html").get(path).then().statusCode(200).extract().asString())
                .contains("This checkout is expired").doesNotContain("Decline");
        api().request().accept("text/html").post(path + "/pay").then().statusCode(409);
        assertThat(order(buyer.api(), checkout).getList("data.ticketIds")).isEmpty();
        assertInventoryBalanced(tierId);
    }

    @Test
    void aDueHoldIsKeptWhileItsPaymentIsInFlightAndCompletesWhenTheProviderConfirms() throws Exception {
        String tierId = tier();
        Buyer buyer = buyer();
        String reservationId = hold(buyer.api(), tierId, 2);
        JsonPath checkout = checkout(buyer.api(), reservationId);
        dueSince(reservationId, "1 second");
        Thread.sleep(3000);
        buyer.api().get("/api/v1/tickets/reservations/" + reservationId).then()
                .body("data.status", equalTo("ACTIVE"));
        assertThat(available(tierId)).as("the provider has not decided: the hold stays").isEqualTo(98);

        // Paid at the last second, and its webhook lost: the sweep asks the provider and completes the order.
        sandboxSays(checkout.getString("data.paymentUrl"), "PAID");
        awaitStatus(buyer.api(), reservationId, "CONSUMED");
        JsonPath order = order(buyer.api(), checkout);
        assertThat(order.getString("data.status")).isEqualTo("PAID");
        assertThat(order.getList("data.ticketIds")).hasSize(2);
        assertInventoryBalanced(tierId);
    }

    @Test
    void aDueHoldWhosePaymentFailedAtTheProviderIsReleased() throws Exception {
        String tierId = tier();
        Buyer buyer = buyer();
        String reservationId = hold(buyer.api(), tierId, 3);
        JsonPath checkout = checkout(buyer.api(), reservationId);
        sandboxSays(checkout.getString("data.paymentUrl"), "DECLINED");
        dueSince(reservationId, "1 second");
        awaitStatus(buyer.api(), reservationId, "RELEASED");
        assertThat(available(tierId)).isEqualTo(100);
        assertThat(order(buyer.api(), checkout)
                .getString("data.status")).isEqualTo("CANCELLED");
    }

    private static int available(String tierId) throws Exception {
        return Db.available(tierId);
    }

    /** The hold ran out long ago, also past the grace its payment in flight gives it (15 minutes). */
    private void expire(String reservationId) throws Exception {
        dueSince(reservationId, "20 minutes");
    }

    private static void dueSince(String reservationId, String interval) throws Exception {
        Db.update("UPDATE reservations SET expires_at = now() - interval '" + interval + "' WHERE id = ?::uuid",
                reservationId);
    }

    private static void sandboxSays(String paymentUrl, String state) throws Exception {
        Db.update("UPDATE sandbox_checkouts SET state = ? WHERE reference = ?", state,
                URI.create(paymentUrl).getPath().replaceAll(".*/", ""));
    }

    private void awaitStatus(Api buyer, String reservationId, String status) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            if (status.equals(buyer.get("/api/v1/tickets/reservations/" + reservationId).then().extract().jsonPath()
                    .getString("data.status"))) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("reservation " + reservationId + " never became " + status);
    }

    private static void awaitOrder(Api buyer, JsonPath checkout, String status) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!status.equals(order(buyer, checkout).getString("data.status"))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("order " + checkout.getString("data.orderId") + " never became " + status);
            }
            Thread.sleep(250);
        }
    }

    /** What a door scanner does offline: checks the code's Ed25519 signature with the event's published key. */
    private void assertSignedByTheEventsPublishedKey(String code, String eventId) throws Exception {
        JsonPath key = api().get("/api/v1/events/" + eventId + "/ticket-key").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("max-age"))
                .body("data.algorithm", equalTo("Ed25519")).extract().jsonPath();
        byte[] raw = java.util.Base64.getUrlDecoder().decode(key.getString("data.publicKey"));
        byte[] spki = java.util.HexFormat.of().parseHex("302a300506032b6570032100" + java.util.HexFormat.of().formatHex(raw));
        java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
        verifier.initVerify(java.security.KeyFactory.getInstance("Ed25519")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(spki)));
        int dot = code.lastIndexOf('.');
        verifier.update(code.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(java.util.Base64.getUrlDecoder().decode(code.substring(dot + 1)))).isTrue();
        String tampered = code.substring(0, 10) + (code.charAt(10) == 'A' ? 'B' : 'A') + code.substring(11);
        verifier.update(tampered.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(java.util.Base64.getUrlDecoder().decode(code.substring(dot + 1)))).isFalse();
    }

    /** The sandbox's Stripe-format "checkout completed, paid" event for the checkout, as its page would send it. */
    private static byte[] sandboxPaid(JsonPath checkout, String eventIdPrefix, long amountInCents) {
        String paymentId = checkout.getString("data.paymentId");
        String reference = URI.create(checkout.getString("data.paymentUrl")).getPath().replaceAll(".*/", "");
        return ("{\"id\":\"" + eventIdPrefix + paymentId + "\",\"object\":\"event\","
                + "\"type\":\"checkout.session.completed\",\"created\":" + Instant.now().getEpochSecond()
                + ",\"data\":{\"object\":{\"id\":\"" + reference + "\",\"object\":\"checkout.session\","
                + "\"payment_status\":\"paid\",\"amount_total\":" + amountInCents + ",\"currency\":\"usd\","
                + "\"metadata\":{\"payment_id\":\"" + paymentId + "\"}}}}").getBytes(StandardCharsets.UTF_8);
    }

    private Response webhook(byte[] body, Map<String, String> headers) {
        var request = api().request().contentType("application/json").body(body);
        headers.forEach(request::header);
        return request.post("/api/v1/payments/webhooks/sandbox");
    }

    private static void assertInventoryBalanced(String tierId) throws Exception {
        Db.assertInventoryBalanced(tierId);
    }
}
