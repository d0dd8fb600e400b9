package com.eventix.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.eventix.testing.Api;
import com.eventix.testing.Db;
import com.eventix.testing.IntegrationTest;
import com.eventix.testing.Mailbox;
import com.eventix.testing.Organizer;
import com.eventix.testing.QrCodes;
import com.eventix.testing.TestUsers;
import com.eventix.tickets.control.TicketCodes;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Giving a ticket to someone else: the offer and its invitation mail, acceptance (new owner, new code, the old code
 * revoked by its version), decline, cancellation, expiry, the cutoff before the event, refusals, who may see and do
 * what, and racing acceptances and cancellations.
 */
class TransfersIT extends IntegrationTest {
    private static final Instant SOON = Instant.now().plus(25, ChronoUnit.DAYS);
    private static final String PASSWORD = "transfer passphrase";
    private static final String INVITATION = "is offering you a ticket";
    private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_-]{43})");

    private static Organizer organizer;
    private static URL organizerFor;
    private Api admin;

    @BeforeEach
    void setUp() {
        admin = admin();
        synchronized (TransfersIT.class) {
            if (organizer == null || !deploymentUrl.equals(organizerFor)) {
                organizer = Organizer.verified(api(), admin, "transfers");
                organizerFor = deploymentUrl;
            }
        }
    }

    private record Person(Api api, String id, String email) {
    }

    private record Show(String id, String tierId) {
    }

    /** A new account whose address is verified (set directly: the verification flow is tested elsewhere). */
    private Person person(String prefix) throws SQLException {
        Person person = register(TestUsers.uniqueEmail(prefix));
        Db.update("UPDATE users SET email_verified_at = now() WHERE id = ?::uuid", person.id());
        return person;
    }

    private Person register(String email) {
        Api client = api();
        Map<String, Object> login = client.registerAndLogin(email, PASSWORD);
        return new Person(client.as((String) login.get("accessToken")), (String) ((Map<?, ?>) login.get("user")).get("id"),
                email);
    }

    /** A published event with one free tier, 25 days ahead. */
    private Show show() {
        String id = organizer.published(admin, Organizer.eventBody("Transfer night", "music", "", SOON), "0");
        return new Show(id, organizer.event(id).getString("data.tiers[0].id"));
    }

    /** A show, the owner of some of its tickets and a friend to give them to, both with verified addresses. */
    private record Scene(Show show, Person owner, Person friend, List<String> tickets) {
    }

    private Scene scene(int tickets) throws SQLException {
        Show show = show();
        Person owner = person("giver");
        return new Scene(show, owner, person("friend"), tickets(owner, show, tickets));
    }

    /** Free tickets of the show, bought by {@code owner}; answers their ids. */
    private static List<String> tickets(Person owner, Show show, int quantity) {
        String hold = owner.api().post("/api/v1/tickets/reserve", Map.of("tierId", show.tierId(), "quantity", quantity))
                .then().statusCode(201).extract().jsonPath().getString("data.reservationId");
        String orderId = owner.api().post("/api/v1/orders", Map.of("reservationIds", List.of(hold))).then()
                .statusCode(201).extract().jsonPath().getString("data.orderId");
        return owner.api().get("/api/v1/orders/" + orderId).then().statusCode(200).body("data.status", equalTo("PAID"))
                .extract().jsonPath().getList("data.ticketIds", String.class);
    }

    private static Response offer(Person from, String ticketId, String to) {
        return from.api().post("/api/v1/tickets/" + ticketId + "/transfer", Map.of("recipientEmail", to));
    }

    private static String offered(Person from, String ticketId, String to) {
        return offer(from, ticketId, to).then().statusCode(201).extract().jsonPath().getString("data.id");
    }

    /** accept, decline or cancel, without a body. */
    private static Response act(Person who, String transferId, String action) {
        return who.api().request().post("/api/v1/tickets/transfers/" + transferId + "/" + action);
    }

    private static void refused(Response response, int status, String code) {
        response.then().statusCode(status).body("success", equalTo(false)).body("error.code", equalTo(code));
    }

    private static JsonPath transfer(Person who, String transferId) {
        return who.api().get("/api/v1/tickets/transfers/" + transferId).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> open(Person who, String role) {
        return who.api().get("/api/v1/tickets/transfers?role=" + role).then().statusCode(200).extract().jsonPath()
                .getList("data.items.id", String.class);
    }

    private static List<String> myTickets(Person who) {
        return who.api().get("/api/v1/tickets/my-tickets").then().statusCode(200).extract().jsonPath()
                .getList("data.items.id", String.class);
    }

    private static JsonPath ticket(Person owner, String ticketId) {
        return owner.api().get("/api/v1/tickets/" + ticketId).then().statusCode(200).extract().jsonPath();
    }

    private static void setTicketStatus(String ticketId, String status) throws SQLException {
        Db.update("UPDATE tickets SET status = ? WHERE id = ?::uuid", status, ticketId);
    }

    private static void startIn(Show show, String interval) throws SQLException {
        Db.update("UPDATE events SET start_time = now() + interval '" + interval + "' WHERE id = ?::uuid", show.id());
    }

    private JsonPath auditLog(String action, String actorId) {
        return admin.request().queryParam("action", action).queryParam("actorId", actorId).queryParam("size", 50)
                .get("/api/v1/admin/audit-log").then().statusCode(200).extract().jsonPath();
    }

    /** The code version a ticket code carries, read offline with the event's published key. */
    private int versionOf(String code, String eventId) {
        String key = api().get("/api/v1/events/" + eventId + "/ticket-key").then().statusCode(200).extract().jsonPath()
                .getString("data.publicKey");
        return TicketCodes.verifyOffline(code, UUID.fromString(eventId), Base64.getUrlDecoder().decode(key)).codeVersion();
    }

    @Test
    void anAcceptedOfferGivesTheTicketANewOwnerAndANewCodeAndRevokesTheOldOne() throws Exception {
        Scene scene = scene(1);
        Person owner = scene.owner();
        Person friend = scene.friend();
        String ticketId = scene.tickets().get(0);
        String oldCode = ticket(owner, ticketId).getString("data.qrCode");

        Map<String, String> body = Map.of("recipientEmail", friend.email().toUpperCase(Locale.ROOT));
        Response first = owner.api().request().header("Idempotency-Key", "offer-" + ticketId).contentType(ContentType.JSON)
                .body(body).post("/api/v1/tickets/" + ticketId + "/transfer");
        String transferId = first.then().statusCode(201).body("data.status", equalTo("PENDING"))
                .body("data.recipientEmail", equalTo(friend.email())).body("data.ticketId", equalTo(ticketId))
                .body("data.eventId", equalTo(scene.show().id())).body("data.eventTitle", equalTo("Transfer night"))
                .body("data.tierName", equalTo("Tier 1")).body("data.senderName", equalTo("Test User"))
                .extract().jsonPath().getString("data.id");
        assertThat(first.header("Location")).endsWith("/api/v1/tickets/transfers/" + transferId);
        Instant expiresAt = Instant.parse(first.jsonPath().getString("data.expiresAt"));
        assertThat(expiresAt).isBetween(Instant.now().plus(Duration.ofHours(71)), Instant.now().plus(Duration.ofHours(73)));
        owner.api().request().header("Idempotency-Key", "offer-" + ticketId).contentType(ContentType.JSON).body(body)
                .post("/api/v1/tickets/" + ticketId + "/transfer").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("data.id", equalTo(transferId));

        MimeMessage invitation = Mailbox.await(friend.email(), INVITATION, Duration.ofSeconds(30)).orElseThrow();
        assertThat(Mailbox.body(invitation)).contains("/api/v1/tickets/transfers/" + transferId)
                .contains("Transfer night");
        assertThat(open(friend, "INCOMING")).containsExactly(transferId);
        assertThat(open(owner, "OUTGOING")).containsExactly(transferId);
        assertThat(open(owner, "INCOMING")).isEmpty();
        assertThat(transfer(friend, transferId).getString("data.status")).isEqualTo("PENDING");

        Response accepted = friend.api().request().header("Idempotency-Key", "accept-" + transferId)
                .post("/api/v1/tickets/transfers/" + transferId + "/accept");
        accepted.then().statusCode(200).body("data.id", equalTo(ticketId)).body("data.codeVersion", equalTo(2))
                .body("data.status", equalTo("VALID"));
        String newCode = accepted.jsonPath().getString("data.qrCode");
        assertThat(newCode).isNotEqualTo(oldCode);
        friend.api().request().header("Idempotency-Key", "accept-" + transferId)
                .post("/api/v1/tickets/transfers/" + transferId + "/accept").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("data.qrCode", equalTo(newCode));
        refused(act(friend, transferId, "accept"), 409, "TRANSFER_NOT_PENDING");
        act(friend, transferId, "accept").then().body("error.details.status", equalTo("ACCEPTED"));

        // The new owner has it, with the new code; the old owner no longer does.
        assertThat(myTickets(friend)).containsExactly(ticketId);
        assertThat(friend.api().get("/api/v1/tickets/my-tickets").then().extract().jsonPath()
                .getString("data.items[0].qrCode")).isEqualTo(newCode);
        assertThat(myTickets(owner)).doesNotContain(ticketId);
        refused(owner.api().get("/api/v1/tickets/" + ticketId), 404, "NOT_FOUND");
        refused(owner.api().get("/api/v1/tickets/" + ticketId + "/qr"), 404, "NOT_FOUND");
        byte[] png = friend.api().get("/api/v1/tickets/" + ticketId + "/qr").then().statusCode(200).extract().asByteArray();
        assertThat(QrCodes.decode(png)).isEqualTo(newCode);

        // Both codes are genuine; only the version tells the old one apart, and the ticket's version is now 2.
        assertThat(versionOf(oldCode, scene.show().id())).isEqualTo(1);
        assertThat(versionOf(newCode, scene.show().id())).isEqualTo(2);
        assertThat(Db.rows("SELECT code_version, code_changed_at > created_at FROM tickets WHERE id = ?::uuid", ticketId))
                .containsExactly("2 | t");

        MimeMessage ticketMail = Mailbox.await(friend.email(), "Your ticket for Transfer night", Duration.ofSeconds(30))
                .orElseThrow();
        Multipart parts = (Multipart) ticketMail.getContent();
        assertThat(parts.getCount()).as("text and the QR image").isEqualTo(2);
        assertThat(QrCodes.decode(parts.getBodyPart(1).getInputStream().readAllBytes())).isEqualTo(newCode);
        assertThat(Mailbox.await(owner.email(), "was transferred", Duration.ofSeconds(30))).isPresent();

        JsonPath done = transfer(owner, transferId);
        assertThat(done.getString("data.status")).isEqualTo("ACCEPTED");
        assertThat(done.getString("data.endedAt")).isNotNull();
        assertThat(open(friend, "INCOMING")).isEmpty();
        assertThat(open(owner, "OUTGOING")).isEmpty();
        assertThat(auditLog("TICKET_TRANSFER_OFFERED", owner.id()).getList("data.items.resourceId"))
                .containsExactly(transferId);
        JsonPath acceptance = auditLog("TICKET_TRANSFER_ACCEPTED", friend.id());
        assertThat(acceptance.getList("data.items.resourceId")).containsExactly(transferId);
        assertThat(acceptance.getString("data.items[0].ipAddress")).isEqualTo(friend.api().clientIp());

        // The new owner may pass it on in turn.
        Person third = person("third");
        String onward = offered(friend, ticketId, third.email());
        act(third, onward, "accept").then().statusCode(200).body("data.codeVersion", equalTo(3));
        assertThat(myTickets(friend)).doesNotContain(ticketId);
    }

    @Test
    void someoneWithoutAnAccountRegistersConfirmsTheAddressAndThenAccepts() throws Exception {
        Show show = show();
        Person owner = person("giver");
        String ticketId = tickets(owner, show, 1).get(0);
        String email = TestUsers.uniqueEmail("newcomer");
        String transferId = offered(owner, ticketId, email);
        assertThat(Mailbox.await(email, INVITATION, Duration.ofSeconds(30))).isPresent();

        Person newcomer = register(email);
        refused(newcomer.api().get("/api/v1/tickets/transfers?role=INCOMING"), 409, "ACCOUNT_EMAIL_UNVERIFIED");
        refused(newcomer.api().get("/api/v1/tickets/transfers/" + transferId), 409, "ACCOUNT_EMAIL_UNVERIFIED");
        refused(act(newcomer, transferId, "accept"), 409, "ACCOUNT_EMAIL_UNVERIFIED");
        refused(act(newcomer, transferId, "decline"), 409, "ACCOUNT_EMAIL_UNVERIFIED");

        MimeMessage welcome = Mailbox.await(email, "Welcome to Eventix", Duration.ofSeconds(30)).orElseThrow();
        Matcher token = TOKEN.matcher(Mailbox.body(welcome));
        assertThat(token.find()).as("a verification link in the welcome mail").isTrue();
        newcomer.api().post("/api/v1/auth/verify-email", Map.of("token", token.group(1))).then().statusCode(200);

        assertThat(open(newcomer, "INCOMING")).containsExactly(transferId);
        act(newcomer, transferId, "accept").then().statusCode(200).body("data.id", equalTo(ticketId));
        assertThat(myTickets(newcomer)).containsExactly(ticketId);
        assertThat(myTickets(owner)).isEmpty();
    }

    @Test
    void aDeclinedOfferLeavesTheTicketWithItsOwnerWhoMayOfferItAgain() throws Exception {
        Scene scene = scene(1);
        Person owner = scene.owner();
        Person friend = scene.friend();
        String ticketId = scene.tickets().get(0);
        String transferId = offered(owner, ticketId, friend.email());

        act(friend, transferId, "decline").then().statusCode(200).body("data.status", equalTo("DECLINED"))
                .body("data.endedAt", notNullValue());
        assertThat(Mailbox.await(owner.email(), "declined", Duration.ofSeconds(30))).isPresent();
        assertThat(myTickets(owner)).containsExactly(ticketId);
        assertThat(ticket(owner, ticketId).getInt("data.codeVersion")).isEqualTo(1);
        refused(act(friend, transferId, "accept"), 409, "TRANSFER_NOT_PENDING");
        refused(act(friend, transferId, "decline"), 409, "TRANSFER_NOT_PENDING");
        refused(act(owner, transferId, "cancel"), 409, "TRANSFER_NOT_PENDING");
        assertThat(auditLog("TICKET_TRANSFER_DECLINED", friend.id()).getList("data.items.resourceId"))
                .containsExactly(transferId);

        offer(owner, ticketId, person("other").email()).then().statusCode(201);
    }

    @Test
    void theSenderMayCancelAPendingOffer() throws Exception {
        Scene scene = scene(1);
        Person owner = scene.owner();
        Person friend = scene.friend();
        String ticketId = scene.tickets().get(0);
        String transferId = offered(owner, ticketId, friend.email());

        act(owner, transferId, "cancel").then().statusCode(200).body("data.status", equalTo("CANCELLED"));
        act(friend, transferId, "accept").then().statusCode(409).body("error.code", equalTo("TRANSFER_NOT_PENDING"))
                .body("error.details.status", equalTo("CANCELLED"));
        refused(act(owner, transferId, "cancel"), 409, "TRANSFER_NOT_PENDING");
        assertThat(open(owner, "OUTGOING")).isEmpty();
        assertThat(open(friend, "INCOMING")).isEmpty();
        assertThat(myTickets(owner)).containsExactly(ticketId);
        assertThat(ticket(owner, ticketId).getInt("data.codeVersion")).isEqualTo(1);
        assertThat(auditLog("TICKET_TRANSFER_CANCELLED", owner.id()).getList("data.items.resourceId"))
                .containsExactly(transferId);
    }

    @Test
    void anOfferExpiresAndTheTicketMayThenBeOfferedAgain() throws Exception {
        Scene scene = scene(1);
        Person owner = scene.owner();
        Person friend = scene.friend();
        String ticketId = scene.tickets().get(0);
        String transferId = offered(owner, ticketId, friend.email());
        Db.update("UPDATE ticket_transfers SET expires_at = now() - interval '1 second' WHERE id = ?::uuid", transferId);

        assertThat(transfer(friend, transferId).getString("data.status")).isEqualTo("EXPIRED");
        act(friend, transferId, "accept").then().statusCode(409).body("error.code", equalTo("TRANSFER_NOT_PENDING"))
                .body("error.details.status", equalTo("EXPIRED"));
        refused(act(friend, transferId, "decline"), 409, "TRANSFER_NOT_PENDING");
        refused(act(owner, transferId, "cancel"), 409, "TRANSFER_NOT_PENDING");
        assertThat(open(friend, "INCOMING")).isEmpty();
        assertThat(open(owner, "OUTGOING")).isEmpty();
        assertThat(myTickets(owner)).containsExactly(ticketId);

        String again = offered(owner, ticketId, friend.email());
        assertThat(again).isNotEqualTo(transferId);
        assertThat(Db.rows("SELECT status, ended_at = expires_at FROM ticket_transfers WHERE id = ?::uuid", transferId))
                .as("the expired offer made way for the new one").containsExactly("EXPIRED | t");
        assertThat(open(friend, "INCOMING")).containsExactly(again);
    }

    @Test
    void transfersCloseTwoHoursBeforeTheEventStarts() throws Exception {
        Scene scene = scene(2);
        Person owner = scene.owner();
        Person friend = scene.friend();
        List<String> tickets = scene.tickets();

        startIn(scene.show(), "3 hours");
        Response made = offer(owner, tickets.get(0), friend.email());
        made.then().statusCode(201);
        Instant start = Instant.parse(made.jsonPath().getString("data.eventStartTime"));
        assertThat(start).isBetween(Instant.now().plus(Duration.ofMinutes(170)), Instant.now().plus(Duration.ofHours(3)));
        assertThat(Instant.parse(made.jsonPath().getString("data.expiresAt")))
                .as("an offer never outlives the cutoff").isEqualTo(start.minus(Duration.ofHours(2)));

        startIn(scene.show(), "1 hour");
        refused(act(friend, made.jsonPath().getString("data.id"), "accept"), 422, "TRANSFER_CUTOFF_PASSED");
        offer(owner, tickets.get(1), friend.email()).then().statusCode(422)
                .body("error.code", equalTo("TRANSFER_CUTOFF_PASSED")).body("error.details.cutoff", notNullValue());
        assertThat(myTickets(owner)).containsExactlyInAnyOrderElementsOf(tickets);
    }

    @Test
    void usedOrVoidedTicketsSecondOffersAndOffersToYourselfAreRefused() throws Exception {
        Scene scene = scene(1);
        Person owner = scene.owner();
        Person friend = scene.friend();
        String ticketId = scene.tickets().get(0);

        for (String used : List.of("CHECKED_IN", "REFUNDED", "CANCELLED")) {
            setTicketStatus(ticketId, used);
            offer(owner, ticketId, friend.email()).then().statusCode(409)
                    .body("error.code", equalTo("TICKET_NOT_TRANSFERABLE")).body("error.details.status", equalTo(used));
        }
        setTicketStatus(ticketId, "VALID");
        refused(offer(owner, ticketId, owner.email().toUpperCase(Locale.ROOT)), 422, "TRANSFER_TO_SELF");
        refused(offer(owner, ticketId, "not an address"), 400, "VALIDATION_FAILED");
        refused(owner.api().post("/api/v1/tickets/" + ticketId + "/transfer", Map.of()), 400, "VALIDATION_FAILED");

        String transferId = offered(owner, ticketId, friend.email());
        offer(owner, ticketId, person("other").email()).then().statusCode(409)
                .body("error.code", equalTo("TICKET_ALREADY_OFFERED")).body("error.details.transferId", equalTo(transferId));
        // The database holds one pending offer per ticket, whatever gets past the service.
        assertThatThrownBy(() -> Db.update("INSERT INTO ticket_transfers (id, ticket_id, event_id, sender_id, "
                        + "recipient_email, status, from_code_version, expires_at, created_at) SELECT gen_random_uuid(), "
                        + "ticket_id, event_id, sender_id, 'x@eventix.test', 'PENDING', 1, expires_at, now() "
                        + "FROM ticket_transfers WHERE id = ?::uuid", transferId))
                .isInstanceOf(SQLException.class).hasMessageContaining("ticket_transfers_one_pending_idx");

        // Checked in while the offer was pending: the offer can no longer be accepted.
        setTicketStatus(ticketId, "CHECKED_IN");
        refused(act(friend, transferId, "accept"), 409, "TICKET_NOT_TRANSFERABLE");
        setTicketStatus(ticketId, "VALID");

        // A cancelled event's tickets are not passed on.
        organizer.api.post("/api/v1/events/" + scene.show().id() + "/cancel", Map.of("reason", "Storm warning")).then()
                .statusCode(200);
        act(friend, transferId, "accept").then().statusCode(409).body("error.code", equalTo("TICKET_NOT_TRANSFERABLE"))
                .body("error.details.eventStatus", equalTo("CANCELLED"));
        act(owner, transferId, "cancel").then().statusCode(200);
        refused(offer(owner, ticketId, friend.email()), 409, "TICKET_NOT_TRANSFERABLE");
        assertThat(myTickets(owner)).containsExactly(ticketId);

        assertThat(auditLog("TICKET_TRANSFER_OFFER_REFUSED", owner.id()).getList("data.items.details", String.class))
                .contains("TICKET_NOT_TRANSFERABLE", "TRANSFER_TO_SELF", "TICKET_ALREADY_OFFERED");
        assertThat(auditLog("TICKET_TRANSFER_ACCEPT_REFUSED", friend.id()).getList("data.items.details", String.class))
                .contains("TICKET_NOT_TRANSFERABLE");
    }

    @Test
    void offersAreLimitedPerUserAndHourRefusedOnesIncluded() throws Exception {
        Scene scene = scene(1);
        String ticketId = scene.tickets().get(0);
        // RATE_LIMIT_TRANSFER_OFFERS_PER_HOUR is 20 by default; each of these is refused, but counts.
        for (int i = 0; i < 20; i++) {
            refused(offer(scene.owner(), ticketId, scene.owner().email()), 422, "TRANSFER_TO_SELF");
        }
        Response limited = offer(scene.owner(), ticketId, scene.friend().email());
        refused(limited, 429, "RATE_LIMITED");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(open(scene.owner(), "OUTGOING")).isEmpty();
        // Another user's offers are counted apart.
        offer(scene.friend(), tickets(scene.friend(), scene.show(), 1).get(0), scene.owner().email()).then()
                .statusCode(201);
    }

    @Test
    void othersCanNeitherSeeNorActOnAnOfferNorTransferSomeoneElsesTicket() throws Exception {
        Scene scene = scene(1);
        Person owner = scene.owner();
        Person friend = scene.friend();
        Person stranger = person("stranger");
        String ticketId = scene.tickets().get(0);
        String transferId = offered(owner, ticketId, friend.email());

        refused(stranger.api().get("/api/v1/tickets/transfers/" + transferId), 404, "NOT_FOUND");
        for (String action : List.of("accept", "decline", "cancel")) {
            refused(act(stranger, transferId, action), 404, "NOT_FOUND");
        }
        // Each side does only its own part: the recipient cannot cancel, the sender cannot accept or decline.
        refused(act(friend, transferId, "cancel"), 404, "NOT_FOUND");
        refused(act(owner, transferId, "accept"), 404, "NOT_FOUND");
        refused(act(owner, transferId, "decline"), 404, "NOT_FOUND");
        refused(offer(stranger, ticketId, stranger.email()), 404, "NOT_FOUND");
        refused(offer(friend, ticketId, stranger.email()), 404, "NOT_FOUND");
        refused(offer(stranger, UUID.randomUUID().toString(), friend.email()), 404, "NOT_FOUND");
        refused(act(friend, UUID.randomUUID().toString(), "accept"), 404, "NOT_FOUND");
        assertThat(open(stranger, "INCOMING")).isEmpty();
        assertThat(open(stranger, "OUTGOING")).isEmpty();
        stranger.api().get("/api/v1/tickets/transfers?role=SIDEWAYS").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_FAILED")).body("error.details.role", notNullValue());
        refused(api().post("/api/v1/tickets/" + ticketId + "/transfer", Map.of("recipientEmail", friend.email())), 401,
                "UNAUTHORIZED");
        refused(api().get("/api/v1/tickets/transfers"), 401, "UNAUTHORIZED");

        assertThat(transfer(owner, transferId).getString("data.status"))
                .as("untouched by all of that").isEqualTo("PENDING");
        assertThat(myTickets(owner)).containsExactly(ticketId);
        assertThat(auditLog("TICKET_TRANSFER_ACCEPT_REFUSED", stranger.id()).getList("data.items.details", String.class))
                .contains("NOT_FOUND");
    }

    @Test
    void racingAcceptancesCancellationsAndOffersEndInExactlyOneOutcome() throws Exception {
        Scene scene = scene(2);
        Person owner = scene.owner();
        Person friend = scene.friend();
        List<String> tickets = scene.tickets();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (String ticketId : tickets) {
                // Several offers of one ticket at once: one is made, the others find it.
                List<Response> offers = race(pool, 4, i -> offer(owner, ticketId, i == 0 ? friend.email()
                        : TestUsers.uniqueEmail("crowd")));
                assertThat(offers).filteredOn(r -> r.statusCode() == 201).hasSize(1);
                assertThat(offers).filteredOn(r -> r.statusCode() != 201)
                        .allSatisfy(r -> assertThat(r.jsonPath().getString("error.code")).isEqualTo("TICKET_ALREADY_OFFERED"));
                String transferId = offers.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow()
                        .jsonPath().getString("data.id");
                if (!transfer(owner, transferId).getString("data.recipientEmail").equals(friend.email())) {
                    act(owner, transferId, "cancel").then().statusCode(200);
                    transferId = offered(owner, ticketId, friend.email());
                }
                String offerId = transferId;

                List<Response> outcomes = race(pool, 8, i -> act(i % 2 == 0 ? friend : owner, offerId,
                        i % 2 == 0 ? "accept" : "cancel"));
                assertThat(outcomes).filteredOn(r -> r.statusCode() == 200).as("one winner").hasSize(1);
                assertThat(outcomes).filteredOn(r -> r.statusCode() != 200).allSatisfy(r -> {
                    assertThat(r.statusCode()).isEqualTo(409);
                    assertThat(r.jsonPath().getString("error.code")).isEqualTo("TRANSFER_NOT_PENDING");
                });
                String status = transfer(owner, offerId).getString("data.status");
                if (status.equals("ACCEPTED")) {
                    assertThat(myTickets(friend)).contains(ticketId);
                    assertThat(ticket(friend, ticketId).getInt("data.codeVersion")).isEqualTo(2);
                } else {
                    assertThat(status).isEqualTo("CANCELLED");
                    assertThat(ticket(owner, ticketId).getInt("data.codeVersion")).isEqualTo(1);
                }
                assertThat(Db.rows("SELECT status FROM ticket_transfers WHERE ticket_id = ?::uuid AND status = 'PENDING'",
                        ticketId)).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code n} calls started together; their responses in call order. */
    private static List<Response> race(ExecutorService pool, int n, java.util.function.IntFunction<Response> call)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            Callable<Response> task = () -> {
                start.await();
                return call.apply(index);
            };
            futures.add(pool.submit(task));
        }
        start.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> f : futures) {
            responses.add(f.get());
        }
        return responses;
    }

    @Test
    void theOpenApiDocumentDescribesTransfersWithOperationIdsAndNamedSchemas() {
        JsonPath doc = api().request().accept("application/json").get("/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, String> operations = Map.of(
                "paths.'/api/v1/tickets/{id}/transfer'.post", "transferTicket",
                "paths.'/api/v1/tickets/transfers'.get", "listTicketTransfers",
                "paths.'/api/v1/tickets/transfers/{id}'.get", "getTicketTransfer",
                "paths.'/api/v1/tickets/transfers/{id}/accept'.post", "acceptTicketTransfer",
                "paths.'/api/v1/tickets/transfers/{id}/decline'.post", "declineTicketTransfer",
                "paths.'/api/v1/tickets/transfers/{id}/cancel'.post", "cancelTicketTransfer");
        operations.forEach((path, operationId) -> {
            assertThat(doc.getString(path + ".operationId")).as(path).isEqualTo(operationId);
            assertThat(doc.getList(path + ".tags", String.class)).as(path).containsExactly("Tickets");
            assertThat(doc.getList(path + ".security")).as(path).isNotEmpty();
        });
        assertThat(doc.getString("paths.'/api/v1/tickets/{id}/transfer'.post.requestBody.content.'application/json'"
                + ".schema.'$ref'")).endsWith("/TicketTransferRequest");
        // Success payloads travel in a named envelope per payload (XxxResponse), whose data is the payload.
        assertThat(doc.getString("paths.'/api/v1/tickets/{id}/transfer'.post.responses.'201'.content.'application/json'"
                + ".schema.'$ref'")).endsWith("/TicketTransferResponse");
        assertThat(doc.getString("components.schemas.TicketTransferResponse.properties.data.'$ref'"))
                .endsWith("/TicketTransfer");
        assertThat(doc.getString("paths.'/api/v1/tickets/transfers'.get.responses.'200'.content.'application/json'"
                + ".schema.'$ref'")).endsWith("/TicketTransferPageResponse");
        assertThat(doc.getString("components.schemas.TicketTransferPageResponse.properties.data.'$ref'"))
                .endsWith("/TicketTransferPage");
        assertThat(doc.getString("paths.'/api/v1/tickets/transfers/{id}/accept'.post.responses.'409'.content"
                + ".'application/json'.schema.'$ref'")).endsWith("/ErrorEnvelope");
        assertThat(doc.getMap("paths.'/api/v1/tickets/transfers/{id}/accept'.post.parameters.find { it.name == 'id' }"))
                .containsEntry("in", "path").containsEntry("required", true)
                .containsEntry("schema", Map.of("type", "string", "format", "uuid"));
        assertThat(doc.getString("components.schemas.TicketTransfer.properties.id.type")).isEqualTo("string");
        assertThat(doc.getString("components.schemas.TicketTransfer.properties.id.format")).isEqualTo("uuid");
        assertThat(doc.getString("components.schemas.TicketTransfer.properties.status.'$ref'"))
                .endsWith("/TicketTransferStatus");
        assertThat(doc.getList("components.schemas.TicketTransferStatus.enum", String.class))
                .containsExactly("PENDING", "ACCEPTED", "DECLINED", "CANCELLED", "EXPIRED");
        assertThat(doc.getList("components.schemas.TicketStatus.enum", String.class))
                .containsExactly("VALID", "CHECKED_IN", "REFUNDED", "CANCELLED");
        assertThat(doc.getString("components.schemas.TicketTransfer.properties.expiresAt.format")).isEqualTo("date-time");
        assertThat(doc.getList("components.schemas.ErrorCode.enum", String.class)).contains("TICKET_NOT_TRANSFERABLE",
                "TICKET_ALREADY_OFFERED", "TRANSFER_NOT_PENDING", "TRANSFER_CUTOFF_PASSED", "TRANSFER_TO_SELF");
    }
}
