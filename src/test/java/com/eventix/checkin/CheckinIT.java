package com.eventix.checkin;

import static com.eventix.testing.DoorGuests.code;
import static com.eventix.testing.DoorGuests.tickets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.eventix.testing.Api;
import com.eventix.testing.Db;
import com.eventix.testing.DoorGuests;
import com.eventix.testing.DoorGuests.Person;
import com.eventix.testing.DoorGuests.Scanner;
import com.eventix.testing.DoorGuests.Show;
import com.eventix.testing.IntegrationTest;
import com.eventix.testing.Organizer;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The door: check-in lists, scanner devices and their tokens, validation (first scan wins under racing scanners,
 * nonce replays, transferred, refunded, closed and off-list tickets, exits and re-entry), who may scan where, and
 * the figures and attendee list built from the scans. One organizer and one show are shared by the class; each
 * test buys its own tickets.
 */
class CheckinIT extends IntegrationTest {
    private static final Instant SOON = DoorGuests.soon();

    private static Organizer organizer;
    private static DoorGuests guests;
    private static Show show;
    private static URL setUpFor;
    private Api admin;

    @BeforeEach
    void setUp() {
        admin = admin();
        synchronized (CheckinIT.class) {
            if (organizer == null || !deploymentUrl.equals(setUpFor)) {
                organizer = Organizer.verified(api(), admin, "checkin");
                guests = new DoorGuests(organizer, deploymentUrl);
                show = guests.show(admin, "Door night");
                setUpFor = deploymentUrl;
            }
        }
    }

    private static Map<String, Object> scan(String code, String eventId, String listId, String direction,
                                            String nonce) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("eventId", eventId);
        body.put("direction", direction);
        body.put("nonce", nonce);
        if (listId != null) {
            body.put("listId", listId);
        }
        return body;
    }

    private static Response validate(Api who, String code, String eventId) {
        return who.post("/api/v1/checkin/validate", scan(code, eventId, null, "ENTRY", UUID.randomUUID().toString()));
    }

    private static void refused(Response response, int status, String code) {
        response.then().statusCode(status).body("success", equalTo(false)).body("error.code", equalTo(code));
    }

    private static void invalid(Response response, String reason) {
        response.then().statusCode(422).body("error.code", equalTo("TICKET_INVALID"))
                .body("error.details.reason", equalTo(reason));
    }

    private String list(String eventId, Map<String, Object> body) {
        return organizer.api.post("/api/v1/events/" + eventId + "/checkin-lists", body).then().statusCode(201)
                .extract().jsonPath().getString("data.id");
    }

    @Test
    void anEventHasItsDefaultListAndItsOrganizerManagesMore() throws Exception {
        Show other = guests.show(admin, "Lists night");
        List<Map<String, Object>> lists = organizer.api.get("/api/v1/events/" + other.id() + "/checkin-lists").then()
                .statusCode(200).extract().jsonPath().getList("data");
        assertThat(lists).hasSize(1);
        assertThat(lists.get(0)).containsEntry("name", "All tickets").containsEntry("isDefault", true)
                .containsEntry("scansExits", false);
        assertThat(Db.integer("SELECT count(*) FROM checkin_lists WHERE event_id = ?::uuid AND is_default",
                other.id())).isOne();

        String vip = list(other.id(), Map.of("name", "VIP lounge", "tierIds", List.of(other.vipTierId()),
                "scansExits", true));
        organizer.api.put("/api/v1/events/" + other.id() + "/checkin-lists/" + vip, Map.of("name", "VIP bar",
                        "tierIds", List.of(other.vipTierId()), "closesAt", SOON.toString())).then().statusCode(200)
                .body("data.name", equalTo("VIP bar")).body("data.scansExits", equalTo(false))
                .body("data.tierIds[0]", equalTo(other.vipTierId()));
        refused(organizer.api.post("/api/v1/events/" + other.id() + "/checkin-lists", Map.of("name", "Backwards",
                "opensAt", SOON.toString(), "closesAt", SOON.minusSeconds(60).toString())), 400, "VALIDATION_FAILED");
        refused(organizer.api.post("/api/v1/events/" + other.id() + "/checkin-lists", Map.of("name", "Foreign",
                "tierIds", List.of(show.tierId()))), 400, "VALIDATION_FAILED");
        refused(organizer.api.post("/api/v1/events/" + other.id() + "/checkin-lists", Map.of("tierIds", List.of())),
                400, "VALIDATION_FAILED");
        assertThat(organizer.api.get("/api/v1/events/" + other.id() + "/checkin-lists").then().statusCode(200)
                .extract().jsonPath().getList("data.name", String.class)).containsExactly("All tickets", "VIP bar");

        Organizer stranger = Organizer.verified(api(), admin, "checkin-stranger");
        refused(stranger.api.get("/api/v1/events/" + other.id() + "/checkin-lists"), 403, "FORBIDDEN");
        refused(stranger.api.post("/api/v1/events/" + other.id() + "/scanners", Map.of("name", "Mine now")), 403,
                "FORBIDDEN");
        refused(guests.person("lists").api().get("/api/v1/events/" + other.id() + "/checkin-lists"), 403, "FORBIDDEN");

        // A tier deleted from the event (nothing of it sold) leaves the lists; a list left with none admits nobody.
        organizer.api.request().delete("/api/v1/events/" + other.id() + "/tiers/" + other.vipTierId()).then()
                .statusCode(200);
        JsonPath emptied = organizer.api.get("/api/v1/events/" + other.id() + "/checkin-lists").then().statusCode(200)
                .extract().jsonPath();
        assertThat(emptied.getBoolean("data.find { it.id == '" + vip + "' }.allTiers")).isFalse();
        assertThat(emptied.getList("data.find { it.id == '" + vip + "' }.tierIds")).isEmpty();
        organizer.api.request().delete("/api/v1/events/" + other.id() + "/checkin-lists/" + vip).then().statusCode(200);
        refused(organizer.api.request().delete("/api/v1/events/" + other.id() + "/checkin-lists/" + vip), 404,
                "NOT_FOUND");

        // Any ticket of a cancelled event is refused.
        Person holder = guests.person("cancelled");
        String code = code(holder, tickets(holder, other.tierId(), 1).get(0));
        organizer.api.post("/api/v1/events/" + other.id() + "/cancel", Map.of("reason", "Storm")).then().statusCode(200);
        invalid(validate(organizer.api, code, other.id()), "CANCELLED");

        // Doors open once the event is published; a draft stays free of check-in rows and can still be deleted.
        String draft = organizer.draft(Organizer.eventBody("Draft door", "music", "", SOON));
        refused(organizer.api.get("/api/v1/events/" + draft + "/checkin-lists"), 409, "EVENT_NOT_PUBLISHED");
        refused(organizer.api.post("/api/v1/events/" + draft + "/scanners", Map.of("name", "Early")), 409,
                "EVENT_NOT_PUBLISHED");
        refused(organizer.api.get("/api/v1/checkin/event/" + draft), 409, "EVENT_NOT_PUBLISHED");
        organizer.api.request().delete("/api/v1/events/" + draft).then().statusCode(200);
    }

    @Test
    void fiftyRacingScansOfOneTicketFromFiveScannersAdmitItOnce() throws Exception {
        Person holder = guests.person("racer");
        String ticketId = tickets(holder, show.tierId(), 1).get(0);
        String code = code(holder, ticketId);
        List<Scanner> scanners = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            scanners.add(guests.scanner(show.id(), "Race phone " + i, "Gate " + i, null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Scanner scanner = scanners.get(i % 5);
                Callable<Response> call = () -> {
                    start.await();
                    return validate(scanner.api(), code, show.id());
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    response.then().body("error.code", equalTo("ALREADY_CHECKED_IN"))
                            .body("error.details.ticketId", equalTo(ticketId));
                }
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(49);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Db.integer("SELECT count(*) FROM checkin_admissions WHERE ticket_id = ?::uuid", ticketId)).isOne();
        assertThat(Db.integer("SELECT count(*) FROM checkin_scans WHERE ticket_id = ?::uuid", ticketId)).isEqualTo(50);
        assertThat(holder.api().get("/api/v1/tickets/" + ticketId).then().statusCode(200).extract().jsonPath()
                .getString("data.status")).isEqualTo("CHECKED_IN");

        JsonPath again = validate(scanners.get(0).api(), code, show.id()).then().statusCode(409).extract().jsonPath();
        assertThat(again.getString("error.details.gate")).startsWith("Gate ");
        assertThat(again.getString("error.details.scanner")).startsWith("Race phone ");
        assertThat(again.getString("error.details.admittedAt")).isNotBlank();
    }

    @Test
    void aRepeatedNonceAnswersTheFirstResultWithoutASecondScan() throws Exception {
        Person holder = guests.person("retry");
        String ticketId = tickets(holder, show.tierId(), 1).get(0);
        Scanner scanner = guests.scanner(show.id(), "Flaky wifi", "South gate", null);
        Map<String, Object> body = scan(code(holder, ticketId), show.id(), null, "ENTRY", "nonce-" + ticketId);
        JsonPath first = scanner.api().post("/api/v1/checkin/validate", body).then().statusCode(200)
                .body("data.result", equalTo("ADMITTED")).body("data.ticketId", equalTo(ticketId))
                .body("data.tierName", equalTo("Tier 1")).body("data.holderName", equalTo("Test User"))
                .body("data.entryCount", equalTo(1)).body("data.gate", equalTo("South gate"))
                .body("data.listName", equalTo("All tickets")).extract().jsonPath();
        JsonPath second = scanner.api().post("/api/v1/checkin/validate", body).then().statusCode(200).extract().jsonPath();
        assertThat(second.getMap("data")).isEqualTo(first.getMap("data"));
        assertThat(Db.integer("SELECT count(*) FROM checkin_scans WHERE ticket_id = ?::uuid", ticketId)).isOne();
        refused(validate(scanner.api(), code(holder, ticketId), show.id()), 409, "ALREADY_CHECKED_IN");
        assertThat(Db.integer("SELECT count(*) FROM checkin_scans WHERE ticket_id = ?::uuid", ticketId)).isEqualTo(2);
    }

    @Test
    void scannersAreScopedToTheirEventAndListsAndStopWhenRevoked() throws Exception {
        Person holder = guests.person("scoped");
        List<String> ids = tickets(holder, show.tierId(), 3);
        Show elsewhere = guests.show(admin, "Other door");
        Scanner mine = guests.scanner(show.id(), "Scoped phone", "East gate", null);
        Scanner theirs = guests.scanner(elsewhere.id(), "Elsewhere phone", null, null);

        refused(validate(theirs.api(), code(holder, ids.get(0)), show.id()), 403, "FORBIDDEN");
        refused(validate(holder.api(), code(holder, ids.get(0)), show.id()), 403, "FORBIDDEN");
        Organizer stranger = Organizer.verified(api(), admin, "checkin-intruder");
        refused(validate(stranger.api, code(holder, ids.get(0)), show.id()), 403, "FORBIDDEN");
        refused(mine.api().get("/api/v1/events/" + show.id() + "/checkin-lists"), 403, "FORBIDDEN");
        // A ticket of this show scanned as if at the other one.
        invalid(validate(theirs.api(), code(holder, ids.get(0)), elsewhere.id()), "WRONG_EVENT");

        String vip = list(show.id(), Map.of("name", "Scoped VIP " + UUID.randomUUID(),
                "tierIds", List.of(show.vipTierId())));
        Scanner vipOnly = guests.scanner(show.id(), "VIP phone", null, List.of(vip));
        Response notMine = vipOnly.api().post("/api/v1/checkin/validate", scan(code(holder, ids.get(0)), show.id(),
                defaultList(show.id()), "ENTRY", UUID.randomUUID().toString()));
        refused(notMine, 403, "FORBIDDEN");
        // Its only list is taken when it names none: a Tier 1 ticket is not on it.
        invalid(validate(vipOnly.api(), code(holder, ids.get(0)), show.id()), "NOT_ON_LIST");

        // The organizer scans their own event in person.
        organizer.api.post("/api/v1/checkin/validate", scan(code(holder, ids.get(1)), show.id(), null, "ENTRY",
                UUID.randomUUID().toString())).then().statusCode(200).body("data.result", equalTo("ADMITTED"));

        validate(mine.api(), code(holder, ids.get(0)), show.id()).then().statusCode(200);
        organizer.api.request().delete("/api/v1/events/" + show.id() + "/scanners/" + mine.id()).then().statusCode(200)
                .body("data.revokedAt", org.hamcrest.Matchers.notNullValue());
        refused(validate(mine.api(), code(holder, ids.get(2)), show.id()), 401, "SCANNER_REVOKED");
        refused(api().post("/api/v1/checkin/devices/token", Map.of("deviceKey", mine.key())), 401,
                "INVALID_DEVICE_KEY");
        refused(api().post("/api/v1/checkin/devices/token", Map.of("deviceKey", "evxd_nothing")), 401,
                "INVALID_DEVICE_KEY");
        List<Map<String, Object>> devices = organizer.api.get("/api/v1/events/" + show.id() + "/scanners").then()
                .statusCode(200).extract().jsonPath().getList("data");
        assertThat(devices).isNotEmpty().allSatisfy(d -> assertThat(d).doesNotContainKey("deviceKey"));
    }

    private String defaultList(String eventId) {
        return organizer.api.get("/api/v1/events/" + eventId + "/checkin-lists").then().statusCode(200).extract()
                .jsonPath().getString("data.find { it.isDefault }.id");
    }

    @Test
    void forgedTransferredAndRefundedTicketsAreRefusedWithTheirReason() throws Exception {
        Person owner = guests.person("giver");
        Person friend = guests.person("taker");
        List<String> ids = tickets(owner, show.tierId(), 1);
        String ticketId = ids.get(0);
        String oldCode = code(owner, ticketId);
        Scanner scanner = guests.scanner(show.id(), "Refusals phone", null, null);

        char last = oldCode.charAt(oldCode.length() - 10);
        String forged = oldCode.substring(0, oldCode.length() - 10) + (last == 'A' ? 'B' : 'A')
                + oldCode.substring(oldCode.length() - 9);
        invalid(validate(scanner.api(), forged, show.id()), "BAD_SIGNATURE");
        invalid(validate(scanner.api(), "not a ticket", show.id()), "BAD_SIGNATURE");

        DoorGuests.transfer(owner, friend, ticketId);
        invalid(validate(scanner.api(), oldCode, show.id()), "REVOKED");
        validate(scanner.api(), code(friend, ticketId), show.id()).then().statusCode(200)
                .body("data.result", equalTo("ADMITTED"));

        assertThat(Db.rows("SELECT reason FROM checkin_scans WHERE event_id = ?::uuid AND result = 'INVALID' "
                + "AND scanner_id = '" + scanner.id() + "'::uuid ORDER BY received_at", show.id()))
                .containsExactly("BAD_SIGNATURE", "BAD_SIGNATURE", "REVOKED");

        // Paid on the sandbox's checkout page, then refunded at once under an automatic policy.
        String paid = organizer.published(admin, Organizer.eventBody("Refund door", "music", "", SOON), "25.50");
        organizer.api.put("/api/v1/events/" + paid + "/refund-policy", Map.of("mode", "AUTOMATIC",
                "deadlineHoursBeforeStart", 0, "feePercent", 0, "feeFixed", 0)).then().statusCode(200);
        Person buyer = guests.person("refunded");
        String hold = buyer.api().post("/api/v1/tickets/reserve", Map.of("tierId",
                        organizer.event(paid).getString("data.tiers[0].id"), "quantity", 1)).then().statusCode(201)
                .extract().jsonPath().getString("data.reservationId");
        JsonPath checkout = buyer.api().post("/api/v1/orders", Map.of("reservationIds", List.of(hold))).then()
                .statusCode(201).extract().jsonPath();
        api().request().accept("text/html").post(URI.create(checkout.getString("data.paymentUrl")).getPath() + "/pay")
                .then().statusCode(200);
        String orderId = checkout.getString("data.orderId");
        List<String> bought = List.of();
        for (Instant until = Instant.now().plusSeconds(20); bought.isEmpty() && Instant.now().isBefore(until); ) {
            JsonPath order = buyer.api().get("/api/v1/orders/" + orderId).then().statusCode(200).extract().jsonPath();
            bought = "PAID".equals(order.getString("data.status")) ? order.getList("data.ticketIds", String.class)
                    : List.of();
            Thread.sleep(bought.isEmpty() ? 200 : 0);
        }
        assertThat(bought).hasSize(1);
        String refundedCode = code(buyer, bought.get(0));
        buyer.api().post("/api/v1/orders/" + orderId + "/refund", Map.of("reason", "Cannot come")).then()
                .statusCode(201).body("data.refunds[0].status", equalTo("SUCCEEDED"));
        invalid(validate(organizer.api, refundedCode, paid), "REFUNDED");
    }

    @Test
    void aListWithExitsLetsTicketsOutAndBackInAndAClosedListAdmitsNobody() throws Exception {
        Person holder = guests.person("inout");
        List<String> ids = tickets(holder, show.vipTierId(), 2);
        String code = code(holder, ids.get(0));
        String lounge = list(show.id(), Map.of("name", "Lounge " + UUID.randomUUID(), "scansExits", true));
        Scanner scanner = guests.scanner(show.id(), "Lounge phone", "Lounge door", List.of(lounge));
        String in = "data.result";

        refused(scanner.api().post("/api/v1/checkin/validate", scan(code, show.id(), lounge, "EXIT",
                UUID.randomUUID().toString())), 409, "NOT_CHECKED_IN");
        scanner.api().post("/api/v1/checkin/validate", scan(code, show.id(), lounge, "ENTRY",
                UUID.randomUUID().toString())).then().statusCode(200).body(in, equalTo("ADMITTED"))
                .body("data.entryCount", equalTo(1));
        refused(scanner.api().post("/api/v1/checkin/validate", scan(code, show.id(), lounge, "ENTRY",
                UUID.randomUUID().toString())), 409, "ALREADY_CHECKED_IN");
        scanner.api().post("/api/v1/checkin/validate", scan(code, show.id(), lounge, "EXIT",
                UUID.randomUUID().toString())).then().statusCode(200).body(in, equalTo("EXITED"));
        scanner.api().post("/api/v1/checkin/validate", scan(code, show.id(), lounge, "ENTRY",
                UUID.randomUUID().toString())).then().statusCode(200).body(in, equalTo("ADMITTED"))
                .body("data.entryCount", equalTo(2));

        // The default list admits once and scans no exits.
        organizer.api.post("/api/v1/checkin/validate", scan(code, show.id(), null, "ENTRY",
                UUID.randomUUID().toString())).then().statusCode(200);
        refused(organizer.api.post("/api/v1/checkin/validate", scan(code, show.id(), null, "EXIT",
                UUID.randomUUID().toString())), 422, "EXITS_NOT_SCANNED");

        String closed = list(show.id(), Map.of("name", "Closed " + UUID.randomUUID(),
                "closesAt", Instant.now().minusSeconds(60).toString()));
        invalid(organizer.api.post("/api/v1/checkin/validate", scan(code(holder, ids.get(1)), show.id(), closed,
                "ENTRY", UUID.randomUUID().toString())), "LIST_CLOSED");
        refused(organizer.api.request().delete("/api/v1/events/" + show.id() + "/checkin-lists/" + closed), 409,
                "CHECKIN_LIST_IN_USE");
    }

    @Test
    void theFiguresAndTheAttendeeListComeFromTheScans() throws Exception {
        Show night = guests.show(admin, "Figures night");
        Person ama = guests.person("ama");
        Person kofi = guests.person("kofi");
        List<String> amas = tickets(ama, night.tierId(), 2);
        String kofis = tickets(kofi, night.vipTierId(), 1).get(0);
        Scanner north = guests.scanner(night.id(), "Figures phone", "North", null);

        validate(north.api(), code(ama, amas.get(0)), night.id()).then().statusCode(200);
        refused(validate(north.api(), code(ama, amas.get(0)), night.id()), 409, "ALREADY_CHECKED_IN");
        invalid(validate(north.api(), "EVX1.garbage", night.id()), "BAD_SIGNATURE");
        organizer.api.request().contentType("application/json").body(Map.of("gate", "Box office"))
                .post("/api/v1/events/" + night.id() + "/attendees/" + kofis + "/check-in").then().statusCode(200)
                .body("data.result", equalTo("ADMITTED")).body("data.tierName", equalTo("Tier 2"));
        refused(organizer.api.request().contentType("application/json").body(Map.of())
                .post("/api/v1/events/" + night.id() + "/attendees/" + kofis + "/check-in"), 409, "ALREADY_CHECKED_IN");

        JsonPath stats = north.api().get("/api/v1/checkin/event/" + night.id()).then().statusCode(200).extract()
                .jsonPath();
        assertThat(stats.getLong("data.sold")).isEqualTo(3);
        assertThat(stats.getLong("data.checkedIn")).isEqualTo(2);
        assertThat(stats.getLong("data.insideNow")).isEqualTo(2);
        assertThat(stats.getLong("data.entries")).isEqualTo(2);
        assertThat(stats.getLong("data.exits")).isZero();
        assertThat(stats.getList("data.byTier.sold", Long.class)).containsExactly(2L, 1L);
        assertThat(stats.getList("data.byTier.checkedIn", Long.class)).containsExactly(1L, 1L);
        assertThat(stats.getList("data.byList.name", String.class)).containsExactly("All tickets");
        assertThat(stats.getList("data.byList.checkedIn", Long.class)).containsExactly(2L);
        assertThat(stats.getList("data.byGate.gate", String.class)).containsExactly("Box office", "North");
        assertThat(stats.getList("data.perFiveMinutes.entries", Long.class).stream().mapToLong(Long::longValue).sum())
                .isEqualTo(2);
        assertThat(stats.getMap("data.refusals.collectEntries { [it.reason, it.count] }"))
                .containsEntry("ALREADY_CHECKED_IN", 2).containsEntry("BAD_SIGNATURE", 1);
        assertThat(stats.getLong("data.offlineConflicts")).isZero();
        assertThat(stats.getString("data.lastScanAt")).isNotBlank();
        refused(guests.scanner(show.id(), "Wrong show", null, null).api().get("/api/v1/checkin/event/" + night.id()), 403,
                "FORBIDDEN");

        String attendees = "/api/v1/events/" + night.id() + "/attendees";
        JsonPath all = organizer.api.get(attendees + "?size=2").then().statusCode(200).extract().jsonPath();
        assertThat(all.getLong("data.total")).isEqualTo(3);
        assertThat(all.getList("data.items")).hasSize(2);
        JsonPath kofiOnly = organizer.api.get(attendees + "?q=" + kofi.email().substring(0, 12).toUpperCase())
                .then().statusCode(200).extract().jsonPath();
        assertThat(kofiOnly.getList("data.items.ticketId", String.class)).containsExactly(kofis);
        assertThat(kofiOnly.getString("data.items[0].status")).isEqualTo("CHECKED_IN");
        assertThat(kofiOnly.getString("data.items[0].checkedInAt")).isNotBlank();
        assertThat(kofiOnly.getString("data.items[0].email")).isEqualTo(kofi.email());
        assertThat(organizer.api.get(attendees + "?q=%25_").then().statusCode(200).extract().jsonPath()
                .getLong("data.total")).isZero();

        Response csv = organizer.api.request().accept("text/csv").get(attendees);
        csv.then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"));
        List<String> lines = csv.asString().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("ticketId,holderName,email,tier,status,checkedInAt");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(kofis + ",\"Test User\",\"" + kofi.email()
                + "\",\"Tier 2\",CHECKED_IN,"));

        Organizer stranger = Organizer.verified(api(), admin, "checkin-nosy");
        refused(stranger.api.get(attendees), 403, "FORBIDDEN");
        refused(stranger.api.get("/api/v1/checkin/event/" + night.id()), 403, "FORBIDDEN");
        refused(ama.api().get(attendees), 403, "FORBIDDEN");
        refused(north.api().get(attendees), 403, "FORBIDDEN");
    }

    private static Map<String, Object> offlineScan(String nonce, String code, Instant at, String localResult) {
        return Map.of("nonce", nonce, "code", code, "direction", "ENTRY", "scannedAt", at.toString(),
                "localResult", localResult, "gate", "Side door");
    }

    @Test
    void offlineDevicesSyncTheirScansAndConflictsAreKeptAndCounted() throws Exception {
        Show night = guests.show(admin, "Offline night");
        Person holder = guests.person("offline");
        Person friend = guests.person("offline-friend");
        List<String> ids = tickets(holder, night.tierId(), 2);
        String shared = code(holder, ids.get(0));
        String transferred = ids.get(1);
        String oldCode = code(holder, transferred);
        Scanner first = guests.scanner(night.id(), "Offline phone 1", "West", null);
        Scanner second = guests.scanner(night.id(), "Offline phone 2", "East", null);

        JsonPath full = first.api().get("/api/v1/checkin/event/" + night.id() + "/offline-bundle").then()
                .statusCode(200).body("data.full", equalTo(true)).extract().jsonPath();
        assertThat(full.getString("data.keys[0].publicKey")).isNotBlank();
        assertThat(full.getString("data.keys[0].keyId")).isNotBlank();
        assertThat(full.getList("data.lists.name", String.class)).containsExactly("All tickets");
        assertThat(full.getList("data.revocations")).isEmpty();
        String cursor = full.getString("data.cursor");

        DoorGuests.transfer(holder, friend, transferred);
        JsonPath delta = first.api().get("/api/v1/checkin/event/" + night.id() + "/offline-bundle?since=" + cursor)
                .then().statusCode(200).body("data.full", equalTo(false)).extract().jsonPath();
        assertThat(delta.getList("data.revocations.ticketId", String.class)).containsExactly(transferred);
        assertThat(delta.getInt("data.revocations[0].minValidVersion")).isEqualTo(2);
        refused(first.api().get("/api/v1/checkin/event/" + night.id() + "/offline-bundle?since=yesterday"), 400,
                "VALIDATION_FAILED");

        Instant doors = Instant.now().minusSeconds(600);
        List<Map<String, Object>> secondBatch = List.of(offlineScan("p2-1", shared, doors.plusSeconds(30), "ADMITTED"));
        List<Map<String, Object>> firstBatch = List.of(offlineScan("p1-1", shared, doors, "ADMITTED"),
                offlineScan("p1-2", oldCode, doors.plusSeconds(5), "ADMITTED"));
        JsonPath fromSecond = second.api().post("/api/v1/checkin/event/" + night.id() + "/sync",
                Map.of("scans", secondBatch)).then().statusCode(200).extract().jsonPath();
        assertThat(fromSecond.getString("data[0].verdict")).isEqualTo("ACCEPTED");
        JsonPath fromFirst = first.api().post("/api/v1/checkin/event/" + night.id() + "/sync",
                Map.of("scans", firstBatch)).then().statusCode(200).extract().jsonPath();
        assertThat(fromFirst.getList("data.nonce", String.class)).containsExactly("p1-1", "p1-2");
        assertThat(fromFirst.getString("data[0].verdict")).isEqualTo("DUPLICATE");
        assertThat(fromFirst.getString("data[0].firstAdmission.scanner")).isEqualTo("Offline phone 2");
        assertThat(fromFirst.getString("data[0].firstAdmission.gate")).isEqualTo("Side door");
        assertThat(fromFirst.getBoolean("data[0].firstAdmission.scannedBefore")).isFalse();
        assertThat(fromFirst.getString("data[1].verdict")).isEqualTo("REVOKED_ADMITTED");
        assertThat(fromFirst.getString("data[1].reason")).isEqualTo("REVOKED");
        // The same batch again: the same verdicts, nothing recorded twice.
        JsonPath again = first.api().post("/api/v1/checkin/event/" + night.id() + "/sync", Map.of("scans", firstBatch))
                .then().statusCode(200).extract().jsonPath();
        assertThat(again.getList("data.verdict", String.class)).containsExactly("DUPLICATE", "REVOKED_ADMITTED");
        assertThat(Db.integer("SELECT count(*) FROM checkin_scans WHERE event_id = ?::uuid AND offline", night.id()))
                .isEqualTo(3);

        JsonPath stats = organizer.api.get("/api/v1/checkin/event/" + night.id()).then().statusCode(200).extract()
                .jsonPath();
        assertThat(stats.getLong("data.checkedIn")).isEqualTo(1);
        assertThat(stats.getLong("data.entries")).isEqualTo(1);
        assertThat(stats.getLong("data.offlineConflicts")).isEqualTo(2);
        assertThat(Db.integer("SELECT count(*) FROM checkin_admissions WHERE event_id = ?::uuid", night.id())).isOne();

        JsonPath after = first.api().get("/api/v1/checkin/event/" + night.id() + "/offline-bundle?since=" + cursor)
                .then().statusCode(200).extract().jsonPath();
        assertThat(after.getList("data.checkedIn.ticketId", String.class)).containsExactly(ids.get(0));
        assertThat(after.getBoolean("data.checkedIn[0].inside")).isTrue();
        refused(guests.scanner(show.id(), "Not this night", null, null).api().post("/api/v1/checkin/event/" + night.id()
                + "/sync", Map.of("scans", secondBatch)), 403, "FORBIDDEN");
    }
    @Test
    void oneSyncedBatchIsDecidedInTheOrderItsScansWereMade() throws Exception {
        Show night = guests.show(admin, "Batch night");
        Person holder = guests.person("batch");
        List<String> ids = tickets(holder, night.tierId(), 3);
        String twice = code(holder, ids.get(0));
        String roaming = code(holder, ids.get(1));
        String lounge = list(night.id(), Map.of("name", "Batch lounge", "scansExits", true));
        Scanner phone = guests.scanner(night.id(), "Batch phone", "North", null);
        Instant doors = Instant.now().minusSeconds(900);
        java.util.function.BiFunction<Map<String, Object>, Map<String, Object>, Map<String, Object>> with = (a, b) -> {
            Map<String, Object> both = new java.util.HashMap<>(a);
            both.putAll(b);
            return both;
        };
        // Sent out of order: the server decides them by when they were made.
        List<Map<String, Object>> batch = List.of(
                offlineScan("b-4", twice, doors.plusSeconds(40), "ADMITTED"),
                offlineScan("b-1", twice, doors, "ADMITTED"),
                offlineScan("b-1", twice, doors, "ADMITTED"),
                with.apply(offlineScan("b-2", roaming, doors.plusSeconds(10), "ADMITTED"), Map.of("listId", lounge)),
                with.apply(offlineScan("b-3", roaming, doors.plusSeconds(20), "ADMITTED"),
                        Map.of("listId", lounge, "direction", "EXIT", "localResult", "EXITED")),
                with.apply(offlineScan("b-5", roaming, doors.plusSeconds(50), "ADMITTED"), Map.of("listId", lounge)),
                offlineScan("b-6", twice.substring(0, twice.length() - 3) + "AAA", doors.plusSeconds(60), "REFUSED"),
                with.apply(offlineScan("b-7", code(holder, ids.get(2)), doors.plusSeconds(70), "ADMITTED"),
                        Map.of("listId", UUID.randomUUID().toString())));
        JsonPath verdicts = phone.api().post("/api/v1/checkin/event/" + night.id() + "/sync", Map.of("scans", batch))
                .then().statusCode(200).extract().jsonPath();
        assertThat(verdicts.getList("data.nonce", String.class))
                .containsExactly("b-4", "b-1", "b-1", "b-2", "b-3", "b-5", "b-6", "b-7");
        assertThat(verdicts.getList("data.verdict", String.class)).containsExactly("DUPLICATE", "ACCEPTED", "ACCEPTED",
                "ACCEPTED", "ACCEPTED", "ACCEPTED", "INVALID", "INVALID");
        assertThat(verdicts.getString("data[0].firstAdmission.scanner")).isEqualTo("Batch phone");
        assertThat(verdicts.getBoolean("data[0].firstAdmission.scannedBefore")).isTrue();
        assertThat(verdicts.getString("data[6].reason")).isEqualTo("BAD_SIGNATURE");
        assertThat(verdicts.getString("data[7].reason")).isEqualTo("NOT_FOUND");
        assertThat(Db.rows("SELECT nonce || ' ' || result FROM checkin_scans WHERE event_id = ?::uuid ORDER BY scanned_at",
                night.id())).containsExactly("b-1 ADMITTED", "b-2 ADMITTED", "b-3 EXITED", "b-4 DUPLICATE",
                "b-5 ADMITTED", "b-6 INVALID");
        assertThat(Db.rows("SELECT cycle || ' ' || (exited_at IS NULL) FROM checkin_admissions WHERE ticket_id = ?::uuid "
                + "ORDER BY cycle", ids.get(1))).containsExactly("1 false", "2 true");
        assertThat(Db.rows("SELECT status FROM tickets WHERE id = ?::uuid", ids.get(0))).containsExactly("CHECKED_IN");
    }
}
