package com.eventix.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.eventix.testing.Api;
import com.eventix.testing.IntegrationTest;
import com.eventix.testing.Mailbox;
import com.eventix.testing.Organizer;
import com.eventix.testing.Purchases;
import com.eventix.testing.TestUsers;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The inbox: each email sent to a user is there too, newest first, read or unread, and only theirs. */
class NotificationsIT extends IntegrationTest {

    private record Person(Api api, String email) {
    }

    private Person person(String name) {
        Api client = api();
        String email = TestUsers.uniqueEmail(name);
        return new Person(client.as((String) client.registerAndLogin(email, "inbox passphrase").get("accessToken")),
                email);
    }

    private static JsonPath inbox(Api api, String query) {
        return api.get("/api/v1/notifications" + query).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitInbox(Person person, int mails) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (true) {
            JsonPath inbox = inbox(person.api(), "");
            if (inbox.getList("data.items").size() == mails) {
                return inbox;
            }
            assertThat(Instant.now()).as("the inbox holds the %d mails sent: %s", mails, inbox.prettify())
                    .isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static long unread(Api api) {
        return api.get("/api/v1/notifications/unread-count").then().statusCode(200).extract().jsonPath()
                .getLong("data.unread");
    }

    @Test
    void everyEmailSentLandsInTheInboxWhereItIsReadOnceAndOnlyByItsRecipient() throws Exception {
        Api admin = admin();
        Organizer organizer = Organizer.verified(api(), admin, "inbox");
        String eventId = organizer.published(admin, Organizer.eventBody("Inbox night", "music", "",
                Instant.now().plus(20, ChronoUnit.DAYS)), "15.00");
        Person buyer = person("inbox-buyer");
        Purchases.paid(buyer.api(), organizer.event(eventId).getString("data.tiers[0].id"), 2);
        MimeMessage tickets = Mailbox.await(buyer.email(), "Your tickets", Duration.ofSeconds(30)).orElseThrow();
        // The welcome mail as well (on a busy machine it may come after the tickets), so no mail arrives meanwhile.
        Mailbox.await(buyer.email(), "Welcome to Eventix", Duration.ofSeconds(30)).orElseThrow();

        // Recorded as sent right after the SMTP server took it: each mail the buyer got is in the inbox within moments.
        JsonPath all = awaitInbox(buyer, Mailbox.to(buyer.email()).size());
        List<Map<String, Object>> items = all.getList("data.items");
        assertThat(all.getList("data.items.subject")).contains(tickets.getSubject());
        assertThat(all.getList("data.items.channel")).containsOnly("EMAIL");
        assertThat(all.getList("data.items.read")).containsOnly(false);
        List<Instant> sent = all.getList("data.items.createdAt", String.class).stream().map(Instant::parse).toList();
        assertThat(sent).as("newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
        long before = unread(buyer.api());
        assertThat(before).isEqualTo(items.size());

        String ticketsMail = all.getString("data.items.find { it.subject == '" + tickets.getSubject() + "' }.id");
        assertThat(all.getString("data.items.find { it.id == '" + ticketsMail + "' }.message"))
                .contains("Thank you for your order");
        buyer.api().post("/api/v1/notifications/" + ticketsMail + "/read", Map.of()).then().statusCode(200)
                .body("data.read", equalTo(true));
        buyer.api().post("/api/v1/notifications/" + ticketsMail + "/read", Map.of()).then().statusCode(200);
        assertThat(unread(buyer.api())).isEqualTo(before - 1);
        assertThat(inbox(buyer.api(), "?unread=true").getList("data.items.id")).doesNotContain(ticketsMail)
                .hasSize((int) before - 1);

        // Someone else neither sees nor marks it.
        Person other = person("inbox-other");
        // Its own welcome mail first, so that nothing arrives for it while its unread count is compared.
        Mailbox.await(other.email(), "Welcome to Eventix", Duration.ofSeconds(30)).orElseThrow();
        awaitInbox(other, 1);
        assertThat(inbox(other.api(), "").getList("data.items.id")).doesNotContain(ticketsMail);
        other.api().post("/api/v1/notifications/" + ticketsMail + "/read", Map.of()).then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        long othersUnread = unread(other.api());

        buyer.api().post("/api/v1/notifications/read-all", Map.of()).then().statusCode(200)
                .body("data.marked", equalTo((int) before - 1));
        assertThat(unread(buyer.api())).isZero();
        assertThat(inbox(buyer.api(), "").getList("data.items.read")).containsOnly(true);
        assertThat(unread(other.api())).as("another user's inbox is untouched").isEqualTo(othersUnread);
    }

    @Test
    void holdersAreToldOfAnnouncementsAndOfANewTimeOnceEachWithinTheDailyLimit() throws Exception {
        Api admin = admin();
        Organizer organizer = Organizer.verified(api(), admin, "announcer");
        Map<String, Object> body = Organizer.eventBody("Announced night", "music", "",
                Instant.now().plus(20, ChronoUnit.DAYS));
        String eventId = organizer.published(admin, body, "15.00");
        String tierId = organizer.event(eventId).getString("data.tiers[0].id");
        Person keen = person("announced-keen");
        Person quiet = person("announced-quiet");
        quiet.api().put("/api/v1/users/me/notification-preferences", Map.of("preferences",
                List.of(Map.of("kind", "EVENT_ANNOUNCEMENT", "email", false)))).then().statusCode(200);
        Purchases.paid(keen.api(), tierId, 2);
        Purchases.paid(quiet.api(), tierId, 1);
        String path = "/api/v1/events/" + eventId + "/announcements";

        Organizer other = Organizer.verified(api(), admin, "announcer-other");
        other.api.post(path, Map.of("subject", "Not mine", "message", "x")).then().statusCode(403);
        keen.api().post(path, Map.of("subject", "Not an organizer", "message", "x")).then().statusCode(403);
        organizer.api.post(path, Map.of("subject", "", "message", "x")).then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_FAILED"));
        String draft = organizer.draft(Organizer.eventBody("Draft night", "music", "",
                Instant.now().plus(20, ChronoUnit.DAYS)));
        organizer.api.post("/api/v1/events/" + draft + "/announcements", Map.of("subject", "Early", "message", "x"))
                .then().statusCode(409).body("error.code", equalTo("EVENT_NOT_PUBLISHED"));

        organizer.api.post(path, Map.of("subject", "Doors open at 18:00", "message", "Come early."))
                .then().statusCode(201).body("data.kind", equalTo("ANNOUNCEMENT"));
        assertThat(Mailbox.await(keen.email(), "Doors open at 18:00", Duration.ofSeconds(30))).isPresent();
        organizer.api.post(path, Map.of("subject", "Second", "message", "x")).then().statusCode(201);
        organizer.api.post(path, Map.of("subject", "Third", "message", "x")).then().statusCode(201);
        organizer.api.post(path, Map.of("subject", "Fourth", "message", "x")).then().statusCode(429)
                .body("error.code", equalTo("RATE_LIMITED")).header("Retry-After", org.hamcrest.Matchers.notNullValue());

        // A new start time: every holder is told, also those who switched announcements off.
        body.put("startTime", Instant.now().plus(21, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("endTime", Instant.now().plus(21, ChronoUnit.DAYS).plus(4, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS).toString());
        organizer.api.put("/api/v1/events/" + eventId, body).then().statusCode(200);
        assertThat(Mailbox.await(keen.email(), "Announced night has changed", Duration.ofSeconds(30))).isPresent();
        assertThat(Mailbox.await(quiet.email(), "Announced night has changed", Duration.ofSeconds(30))).isPresent();
        assertThat(Mailbox.await(keen.email(), "Third", Duration.ofSeconds(30))).isPresent();
        Thread.sleep(2_000); // more sweeps
        assertThat(Mailbox.to(keen.email(), "Doors open at 18:00")).as("once, two tickets").hasSize(1);
        assertThat(Mailbox.to(keen.email(), "has changed")).hasSize(1);
        assertThat(Mailbox.to(quiet.email(), "Doors open")).as("announcement emails switched off").isEmpty();
        assertThat(awaitInbox(quiet, Mailbox.to(quiet.email()).size() + 3).getList("data.items.subject", String.class))
                .contains("Doors open at 18:00", "Second", "Third");

        JsonPath mine = organizer.api.get(path).then().statusCode(200).extract().jsonPath();
        assertThat(mine.getList("data.items.subject")).containsExactly("Third", "Second", "Doors open at 18:00");
        other.api.get(path).then().statusCode(403);
        JsonPath seen = admin.get("/api/v1/admin/event-notices?eventId=" + eventId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(seen.getList("data.items.told", Integer.class)).containsOnly(2);
        assertThat(admin.get("/api/v1/admin/event-notices?eventId=" + eventId + "&kind=CHANGE").then().statusCode(200)
                .extract().jsonPath().getList("data.items.kind")).containsExactly("CHANGE");
        admin.get("/api/v1/admin/event-notices?kind=null").then().statusCode(400);
    }

    @Test
    void reminderEmailsCanBeSwitchedOffButTicketsAndAccountMailsCannot() {
        Person someone = person("inbox-preferences");
        String path = "/api/v1/users/me/notification-preferences";
        someone.api().get(path).then().statusCode(200).body("data[0].kind", equalTo("EVENT_REMINDER"))
                .body("data[0].email", equalTo(true));
        someone.api().put(path, Map.of("preferences", List.of(Map.of("kind", "EVENT_REMINDER", "email", false))))
                .then().statusCode(200).body("data[0].email", equalTo(false));
        someone.api().get(path).then().statusCode(200).body("data[0].email", equalTo(false));
        someone.api().put(path, Map.of("preferences", List.of(Map.of("kind", "EVENT_REMINDER", "email", true),
                        Map.of("kind", "ORDER_CONFIRMED", "email", false))))
                .then().statusCode(400).body("error.code", equalTo("VALIDATION_FAILED"))
                .body("error.details", org.hamcrest.Matchers.hasKey("preferences[1].kind"));
        someone.api().get(path).then().statusCode(200).body("data[0].email", equalTo(false));
        someone.api().put(path, Map.of("preferences", List.of())).then().statusCode(400);
        someone.api().put(path, Map.of("preferences", List.of(Map.of("kind", "EVENT_REMINDER")))).then()
                .statusCode(400);
        api().get(path).then().statusCode(401);
    }

    @Test
    void theInboxIsForSignedInUsersAndBadParametersAreNamed() {
        Person someone = person("inbox-edge");
        api().get("/api/v1/notifications").then().statusCode(401);
        api().post("/api/v1/notifications/read-all", Map.of()).then().statusCode(401);
        someone.api().post("/api/v1/notifications/null/read", Map.of()).then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_FAILED")).body("error.details.id", equalTo("must be a UUID"));
        someone.api().post("/api/v1/notifications/00000000-0000-0000-0000-000000000000/read", Map.of())
                .then().statusCode(404);
        someone.api().get("/api/v1/notifications?page=0").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_FAILED"));
        someone.api().get("/api/v1/notifications?size=100000").then().statusCode(400);
        someone.api().get("/api/v1/notifications?unread=null").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_FAILED"));
    }
}
