package com.eventix.booking;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * Two Eventix instances on one database, as behind a load balancer: both sell from the same tier and both
 * sweep expired holds every second, at the same time. Each hold is sold within the stock and returned once; door
 * scanners on both admit a ticket once.
 */
@ExtendWith(SuiteServicesExtension.class)
@ExtendWith(ConcurrentArquillian.class)
@RunAsClient
@ResourceLock(value = SharedServices.SERVERS, mode = ResourceAccessMode.READ)
@ResourceLock(value = SharedServices.REDIS, mode = ResourceAccessMode.READ)
class TwoInstancesIT {
    @Deployment(name = "first", testable = false)
    @TargetsContainer("payara-micro")
    static WebArchive first() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/eventix.war"));
    }

    @Deployment(name = "second", testable = false)
    @TargetsContainer("payara-micro-s3")
    static WebArchive second() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/eventix.war"));
    }

    @ArquillianResource
    @OperateOnDeployment("first")
    URL firstUrl;

    @ArquillianResource
    @OperateOnDeployment("second")
    URL secondUrl;

    @Test
    void bothInstancesSellFromOneStockAndExpireEachHoldOnce() throws Exception {
        Api first = Api.at(firstUrl);
        Api admin = first.as((String) first.login(com.eventix.testing.TestUsers.ADMIN_EMAIL,
                com.eventix.testing.TestUsers.ADMIN_PASSWORD).get("accessToken"));
        Organizer organizer = Organizer.verified(Api.at(firstUrl), admin, "twin");
        String eventId = organizer.published(admin, Organizer.eventBody("Twin halls", "music", "",
                Instant.now().plus(9, ChronoUnit.DAYS)), "12.00");
        String tierId = organizer.event(eventId).getString("data.tiers[0].id");
        int total = 100;

        int held = 0;
        List<Api> buyers = TestUsers.signedIn(20, i -> Api.at(i % 2 == 0 ? firstUrl : secondUrl), "twin",
                "twin passphrase");
        for (Api buyer : buyers) {
            for (int i = 0; i < 3; i++) {
                if (buyer.post("/api/v1/tickets/reserve", Map.of("tierId", tierId, "quantity", 1)).statusCode() == 201) {
                    held++;
                }
            }
        }
        assertThat(held).isEqualTo(60);
        assertThat(query("SELECT available_quantity FROM ticket_tiers WHERE id = ?::uuid", tierId)).isEqualTo(total - 60);

        update("UPDATE reservations SET expires_at = now() - interval '1 second' WHERE tier_id = ?::uuid", tierId);
        Instant deadline = Instant.now().plusSeconds(20);
        while (query("SELECT count(*) FROM reservations WHERE tier_id = ?::uuid AND status = 'ACTIVE'", tierId) > 0
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        Thread.sleep(2500);
        assertThat(query("SELECT count(*) FROM reservations WHERE tier_id = ?::uuid AND status = 'EXPIRED'", tierId))
                .isEqualTo(60);
        assertThat(query("SELECT available_quantity FROM ticket_tiers WHERE id = ?::uuid", tierId))
                .as("every ticket back exactly once").isEqualTo(total);
    }

    @Test
    void scannersOnBothInstancesAdmitATicketOnce() throws Exception {
        Api first = Api.at(firstUrl);
        Api admin = first.as((String) first.login(TestUsers.ADMIN_EMAIL, TestUsers.ADMIN_PASSWORD).get("accessToken"));
        Organizer organizer = Organizer.verified(Api.at(firstUrl), admin, "twin-door");
        String eventId = organizer.published(admin, Organizer.eventBody("Twin doors", "music", "",
                Instant.now().plus(9, ChronoUnit.DAYS)), "0");
        String tierId = organizer.event(eventId).getString("data.tiers[0].id");
        Api holder = TestUsers.signedIn(1, i -> Api.at(firstUrl), "twin-holder", "twin passphrase").get(0);
        String hold = holder.post("/api/v1/tickets/reserve", Map.of("tierId", tierId, "quantity", 1)).then()
                .statusCode(201).extract().jsonPath().getString("data.reservationId");
        String orderId = holder.post("/api/v1/orders", Map.of("reservationIds", List.of(hold))).then().statusCode(201)
                .extract().jsonPath().getString("data.orderId");
        String ticketId = holder.get("/api/v1/orders/" + orderId).then().statusCode(200).extract().jsonPath()
                .getList("data.ticketIds", String.class).get(0);
        String code = holder.get("/api/v1/tickets/" + ticketId).then().statusCode(200).extract().jsonPath()
                .getString("data.qrCode");
        // One door scanner signed in on each instance.
        List<Api> scanners = new ArrayList<>();
        for (URL instance : List.of(firstUrl, secondUrl)) {
            String key = organizer.api.post("/api/v1/events/" + eventId + "/scanners", Map.of("name", "Door "
                    + instance.getPort(), "gate", "Gate " + instance.getPort())).then().statusCode(201).extract()
                    .jsonPath().getString("data.deviceKey");
            Api device = Api.at(instance);
            scanners.add(device.as(device.post("/api/v1/checkin/devices/token", Map.of("deviceKey", key)).then()
                    .statusCode(200).extract().jsonPath().getString("data.accessToken")));
        }

        ExecutorService pool = Executors.newFixedThreadPool(40);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> scans = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Api scanner = scanners.get(i % 2);
            scans.add(pool.submit(() -> {
                start.await();
                return scanner.post("/api/v1/checkin/validate", Map.of("code", code, "eventId", eventId,
                        "direction", "ENTRY", "nonce", UUID.randomUUID().toString())).statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> scan : scans) {
            statuses.add(scan.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(status -> status == 200).as("admitted once").hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).as("ALREADY_CHECKED_IN").hasSize(39);
        assertThat(query("SELECT count(*) FROM checkin_admissions WHERE ticket_id = ?::uuid", ticketId)).isEqualTo(1);
        assertThat(query("SELECT count(*) FROM checkin_scans WHERE ticket_id = ?::uuid", ticketId)).isEqualTo(40);
    }

    @Test
    void twoCopiesOfOneEmailHandledOnBothInstancesAtOnceSendItOnce() throws Exception {
        // Each email twice on the notifications queue, the copies side by side (as after a re-send while the broker
        // was away): the two instances' consumers take one copy each, at the same time.
        String run = UUID.randomUUID().toString().substring(0, 8);
        int emails = 40;
        Db.update("""
                INSERT INTO outbox_messages (id, destination, payload, created_at)
                SELECT gen_random_uuid(), 'eventix.notifications', json_build_object('notificationId', m.id,
                       'type', 'TEST_COPY', 'to', 'copy-' || ? || '-' || m.n || '@eventix.test',
                       'subject', 'One copy ' || m.n, 'body', 'sent once', 'attachments', json_build_array())::text,
                       now() + make_interval(secs => m.n)
                FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, ?::int) AS n) m,
                     generate_series(1, 2) AS copy""", run, String.valueOf(emails));
        for (int n = 1; n <= emails; n++) {
            assertThat(Mailbox.await("copy-" + run + "-" + n + "@eventix.test", Duration.ofSeconds(60))).isPresent();
        }
        Thread.sleep(3_000);
        for (int n = 1; n <= emails; n++) {
            assertThat(Mailbox.to("copy-" + run + "-" + n + "@eventix.test")).as("email " + n).hasSize(1);
        }
        assertThat(Db.integer("SELECT count(*) FROM outbox_messages WHERE payload LIKE ? AND published_at IS NULL",
                "%copy-" + run + "-%")).as("both copies of each handled").isZero();
    }

    /**
     * An event a day away: each holder of its tickets is reminded once by email, though both instances sweep every
     * second; a holder who switched reminders off finds it in the inbox only; holders of a later event wait.
     */
    @Test
    void eachTicketHolderIsRemindedOnceTheDayBeforeThoughBothInstancesSweep() throws Exception {
        Api first = Api.at(firstUrl);
        Api admin = first.as((String) first.login(TestUsers.ADMIN_EMAIL, TestUsers.ADMIN_PASSWORD).get("accessToken"));
        Organizer organizer = Organizer.verified(Api.at(secondUrl), admin, "reminder");
        String tomorrow = organizer.published(admin, Organizer.eventBody("Reminder night", "music", "",
                Instant.now().plus(23, ChronoUnit.HOURS)), "5.00");
        String later = organizer.published(admin, Organizer.eventBody("Reminder later", "music", "",
                Instant.now().plus(3, ChronoUnit.DAYS)), "5.00");
        String quiet = TestUsers.uniqueEmail("reminder-quiet");
        Api quietBuyer = signedIn(Api.at(secondUrl), quiet);
        quietBuyer.put("/api/v1/users/me/notification-preferences", Map.of("preferences",
                List.of(Map.of("kind", "EVENT_REMINDER", "email", false)))).then().statusCode(200);
        String keen = TestUsers.uniqueEmail("reminder-keen");
        Api keenBuyer = signedIn(Api.at(firstUrl), keen);
        com.eventix.testing.Purchases.paid(keenBuyer, organizer.event(tomorrow).getString("data.tiers[0].id"), 2);
        com.eventix.testing.Purchases.paid(quietBuyer, organizer.event(tomorrow).getString("data.tiers[0].id"), 1);
        com.eventix.testing.Purchases.paid(keenBuyer, organizer.event(later).getString("data.tiers[0].id"), 1);

        assertThat(Mailbox.await(keen, "Reminder: Reminder night", Duration.ofSeconds(30))).isPresent();
        Instant deadline = Instant.now().plusSeconds(30);
        while (query("SELECT count(*) FROM notifications WHERE type = 'EVENT_REMINDER' AND channel = 'IN_APP' "
                + "AND recipient = ?", quiet) == 0) {
            assertThat(Instant.now()).as("the quiet holder's reminder reaches the inbox").isBefore(deadline);
            Thread.sleep(200);
        }
        Thread.sleep(3_000); // a few more sweeps of both instances
        assertThat(Mailbox.to(keen, "Reminder: Reminder night")).as("one reminder, two tickets").hasSize(1);
        assertThat(Mailbox.to(quiet, "Reminder")).as("reminder emails switched off").isEmpty();
        assertThat(quietBuyer.get("/api/v1/notifications").then().statusCode(200).extract().jsonPath()
                .getList("data.items.type")).contains("EVENT_REMINDER");
        assertThat(Mailbox.to(keen, "Reminder: Reminder later")).as("three days away").isEmpty();
        String told = "SELECT count(*) FROM event_notice_deliveries d JOIN event_notices n ON n.id = d.notice_id "
                + "WHERE n.kind = 'REMINDER' AND n.event_id = ?::uuid";
        assertThat(query(told, tomorrow)).as("both holders, once each").isEqualTo(2);
        assertThat(query(told, later)).isZero();
        assertThat(query("SELECT count(*) FROM event_notices WHERE kind = 'REMINDER' AND event_id = ?::uuid", tomorrow))
                .as("one reminder however many instances sweep").isEqualTo(1);
    }

    private static Api signedIn(Api anonymous, String email) {
        return anonymous.as((String) anonymous.registerAndLogin(email, "reminder passphrase").get("accessToken"));
    }

    private static int query(String sql, String id) throws Exception {
        return Db.integer(sql, id);
    }

    private static void update(String sql, String id) throws Exception {
        Db.update(sql, id);
    }
}
