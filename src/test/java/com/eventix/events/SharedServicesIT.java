package com.eventix.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.eventix.testing.Api;
import com.eventix.testing.ConcurrentArquillian;
import com.eventix.testing.Db;
import com.eventix.testing.Mailbox;
import com.eventix.testing.Organizer;
import com.eventix.testing.SharedServices;
import com.eventix.testing.SuiteServicesExtension;
import com.eventix.testing.TestUsers;
import java.io.File;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Two deployments (each its own database, as staging and production would be) sharing one Redis and one broker:
 * each caches in its own namespace, so neither ever serves the other's events, and each takes only its own
 * messages off the broker.
 */
@ExtendWith(SuiteServicesExtension.class)
@ExtendWith(ConcurrentArquillian.class)
@RunAsClient
@ResourceLock(value = SharedServices.SERVERS, mode = ResourceAccessMode.READ)
@ResourceLock(value = SharedServices.REDIS, mode = ResourceAccessMode.READ)
// It reads exact listings of the other-db server's data.
@ResourceLock(SharedServices.OTHER_DB_SERVER)
class SharedServicesIT {
    @Deployment(name = "a", testable = false)
    @TargetsContainer("payara-micro")
    static WebArchive a() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/eventix.war"));
    }

    @Deployment(name = "b", testable = false)
    @TargetsContainer("payara-micro-other-db")
    static WebArchive b() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/eventix.war"));
    }

    @ArquillianResource
    @OperateOnDeployment("a")
    URL aUrl;

    @ArquillianResource
    @OperateOnDeployment("b")
    URL bUrl;

    private static List<String> listed(Api api, String query) {
        return api.get("/api/v1/events" + query).then().statusCode(200).extract().jsonPath()
                .getList("data.items.id", String.class);
    }

    @Test
    void aDeploymentOnAnotherDatabaseNeverServesTheEventsTheFirstOneCached() {
        Api a = Api.at(aUrl);
        Api adminA = a.as((String) a.login(TestUsers.ADMIN_EMAIL, TestUsers.ADMIN_PASSWORD).get("accessToken"));
        String tag = "ns" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Organizer organizer = Organizer.verified(Api.at(aUrl), adminA, "namespace");
        String id = organizer.published(adminA, Organizer.eventBody("Only on A " + tag, "music", "",
                Instant.now().plus(12, ChronoUnit.DAYS)), "10");

        // A caches its pages: a listing no other test asks for, a search and the event page.
        assertThat(listed(a, "?size=43")).contains(id);
        assertThat(listed(a, "?size=43")).contains(id);
        assertThat(a.get("/api/v1/events/search?q=" + tag).then().statusCode(200).extract().jsonPath()
                .getList("data.items.id", String.class)).containsExactly(id);
        a.get("/api/v1/events/" + id).then().statusCode(200);

        Api b = Api.at(bUrl);
        assertThat(listed(b, "?size=43")).as("B's database has none of A's events").doesNotContain(id);
        assertThat(b.get("/api/v1/events/search?q=" + tag).then().statusCode(200).extract().jsonPath()
                .getList("data.items.id", String.class)).isEmpty();
        b.get("/api/v1/events/" + id).then().statusCode(404);

        // B's own event shows on B, and A, whose listing is cached, does not pick it up either.
        Api adminB = b.as((String) b.login(TestUsers.ADMIN_EMAIL, TestUsers.ADMIN_PASSWORD).get("accessToken"));
        Organizer other = Organizer.verified(Api.at(bUrl), adminB, "namespace");
        String onB = other.published(adminB, Organizer.eventBody("Only on B " + tag, "music", "",
                Instant.now().plus(13, ChronoUnit.DAYS)), "10");
        assertThat(listed(b, "?size=43")).contains(onB).doesNotContain(id);
        assertThat(listed(a, "?size=43")).contains(id).doesNotContain(onB);
        assertThat(listed(a, "?size=43&organizerId=" + other.organizerId)).isEmpty();
    }

    @Test
    void theSecondDeploymentLoadsTheDemoDataTheReadmePromises() {
        Api b = Api.at(bUrl);
        Api organizer = b.as((String) b.login("organizer@eventix.local", "organizer-demo-2026").get("accessToken"));
        organizer.get("/api/v1/organizers/me/payout-account").then().statusCode(200);
        assertThat(b.get("/api/v1/events/search?q=jazz").then().statusCode(200).extract().jsonPath()
                .getList("data.items.title", String.class)).contains("Accra Jazz Night");
        b.post("/api/v1/checkin/devices/token", java.util.Map.of("deviceKey", "evxd_demo-door-scanner-2026"))
                .then().statusCode(200);
        b.login("attendee@eventix.local", "attendee-demo-2026");
    }

    @Test
    void eachDeploymentTakesOnlyItsOwnMessagesOffTheSharedBroker() throws Exception {
        // Emails A's outbox sends: B, on the same broker, must leave them to A (it could not apply them to its
        // database: a payout it does not know would be dropped, a notification recorded in the wrong place).
        String run = UUID.randomUUID().toString().substring(0, 8);
        int emails = 30;
        Db.update("""
                INSERT INTO outbox_messages (id, destination, payload)
                SELECT gen_random_uuid(), 'eventix.notifications', json_build_object('notificationId', gen_random_uuid(),
                       'type', 'TEST_SHARED', 'to', 'shared-' || ? || '-' || n || '@eventix.test',
                       'subject', 'Only from A', 'body', 'A', 'attachments', json_build_array())::text
                FROM generate_series(1, ?::int) AS n""", run, String.valueOf(emails));
        for (int n = 1; n <= emails; n++) {
            assertThat(Mailbox.await("shared-" + run + "-" + n + "@eventix.test", Duration.ofSeconds(60))).isPresent();
        }
        assertThat(Db.integer("SELECT count(*) FROM notifications WHERE recipient LIKE ? AND sent_at IS NOT NULL",
                "shared-" + run + "-%")).as("every one sent by A, and recorded in A's database").isEqualTo(emails);
        String namespaceOfA = health(Api.at(aUrl));
        assertThat(namespaceOfA).matches("[0-9a-f]{16}").isNotEqualTo(health(Api.at(bUrl)));
    }

    private static String health(Api api) {
        return api.get("/health/ready").then().statusCode(200).extract().jsonPath()
                .getString("checks.find { it.name == 'broker' }.data.queueNamespace");
    }
}
