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
