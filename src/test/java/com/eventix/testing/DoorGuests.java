package com.eventix.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Guests at a door, for the check-in tests: an organizer's published shows with two free tiers, people holding their
 * tickets (and the codes the QR images carry), and the shows' scanner devices, signed in.
 */
public final class DoorGuests {
    private static final Instant SOON = Instant.now().plus(20, ChronoUnit.DAYS);
    private static final String PASSWORD = "checkin passphrase";

    private final Organizer organizer;
    private final URL deploymentUrl;

    /** A published event with two free tiers ("Tier 1" and "Tier 2"). */
    public record Show(String id, String tierId, String vipTierId) {
    }

    /** A signed-in attendee with a verified email. */
    public record Person(Api api, String id, String email) {
    }

    /** A scanner device of an event, signed in: its API client, its id and its key. */
    public record Scanner(Api api, String id, String key) {
    }

    public DoorGuests(Organizer organizer, URL deploymentUrl) {
        this.organizer = organizer;
        this.deploymentUrl = deploymentUrl;
    }

    public Organizer organizer() {
        return organizer;
    }

    /** When the shows start: in twenty days. */
    public static Instant soon() {
        return SOON;
    }

    public Show show(Api admin, String title) {
        String id = organizer.published(admin, Organizer.eventBody(title, "music", "", SOON), "0", "0");
        JsonPath event = organizer.event(id);
        return new Show(id, event.getString("data.tiers.find { it.tierName == 'Tier 1' }.id"),
                event.getString("data.tiers.find { it.tierName == 'Tier 2' }.id"));
    }

    public Person person(String prefix) throws SQLException {
        Api client = Api.at(deploymentUrl);
        String email = TestUsers.uniqueEmail(prefix);
        Map<String, Object> login = client.registerAndLogin(email, PASSWORD);
        Person person = new Person(client.as((String) login.get("accessToken")),
                (String) ((Map<?, ?>) login.get("user")).get("id"), email);
        Db.update("UPDATE users SET email_verified_at = now() WHERE id = ?::uuid", person.id());
        return person;
    }

    /** Free tickets of a tier, bought by {@code owner}; answers their ids. */
    public static List<String> tickets(Person owner, String tierId, int quantity) {
        String hold = owner.api().post("/api/v1/tickets/reserve", Map.of("tierId", tierId, "quantity", quantity))
                .then().statusCode(201).extract().jsonPath().getString("data.reservationId");
        String orderId = owner.api().post("/api/v1/orders", Map.of("reservationIds", List.of(hold))).then()
                .statusCode(201).extract().jsonPath().getString("data.orderId");
        return owner.api().get("/api/v1/orders/" + orderId).then().statusCode(200).body("data.status", equalTo("PAID"))
                .extract().jsonPath().getList("data.ticketIds", String.class);
    }

    /** The ticket's current code, as its QR image carries it. */
    public static String code(Person owner, String ticketId) {
        return owner.api().get("/api/v1/tickets/" + ticketId).then().statusCode(200).extract().jsonPath()
                .getString("data.qrCode");
    }

    /** {@code from}'s ticket given to {@code to}: the ticket gets a new code and the old one is void. */
    public static void transfer(Person from, Person to, String ticketId) {
        String offer = from.api().post("/api/v1/tickets/" + ticketId + "/transfer", Map.of("recipientEmail",
                to.email())).then().statusCode(201).extract().jsonPath().getString("data.id");
        to.api().request().post("/api/v1/tickets/transfers/" + offer + "/accept").then().statusCode(200);
    }

    /** A new scanner device of the event (all its lists when {@code listIds} is null), its key exchanged. */
    public Scanner scanner(String eventId, String name, String gate, List<String> listIds) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("gate", gate);
        if (listIds != null) {
            body.put("listIds", listIds);
        }
        JsonPath issued = organizer.api.post("/api/v1/events/" + eventId + "/scanners", body).then().statusCode(201)
                .body("data.device.name", equalTo(name)).extract().jsonPath();
        String key = issued.getString("data.deviceKey");
        assertThat(key).startsWith("evxd_");
        String token = Api.at(deploymentUrl).post("/api/v1/checkin/devices/token", Map.of("deviceKey", key)).then()
                .statusCode(200).body("data.eventId", equalTo(eventId)).extract().jsonPath().getString("data.accessToken");
        return new Scanner(Api.at(deploymentUrl).as(token), issued.getString("data.device.id"), key);
    }
}
