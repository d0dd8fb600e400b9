package com.eventix.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.eventix.testing.Api;
import com.eventix.testing.Db;
import com.eventix.testing.Organizer;
import com.eventix.testing.SuiteServicesExtension;
import com.eventix.testing.TestUsers;
import java.io.File;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two Eventix instances on one database, as behind a load balancer: both sell from the same tier and both
 * sweep expired holds every second, at the same time. Each hold is sold within the stock and returned once.
 */
@ExtendWith(SuiteServicesExtension.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
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

    private static int query(String sql, String id) throws Exception {
        return Db.integer(sql, id);
    }

    private static void update(String sql, String id) throws Exception {
        Db.update(sql, id);
    }
}
