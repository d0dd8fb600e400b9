package com.eventix.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.eventix.testing.Api;
import com.eventix.testing.IntegrationTest;
import com.eventix.testing.Organizer;
import com.eventix.testing.ServerLog;
import com.eventix.testing.SharedServices;
import com.eventix.testing.TestUsers;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A Redis outage as the servers live through it: login and registration stay limited by each instance's own
 * counters (fail closed), browsing answers from PostgreSQL (fail open), readiness says Redis is unreachable, and
 * nothing cached before the outage is served stale after it.
 */
// It cuts Redis, which every other class on the suite's servers relies on (rate limits, caches): it runs alone.
@ResourceLock(SharedServices.REDIS)
class RedisOutageIT extends IntegrationTest {
    private static final Instant SOON = Instant.now().plus(20, ChronoUnit.DAYS);

    @Test
    void withRedisCutLoginIsStillLimitedByEachInstancesOwnCounter() throws Exception {
        Api client = api();
        String email = TestUsers.uniqueEmail("local-limit");
        client.register(email, "a fine passphrase", "Lola", "Local");
        services().redis.cut();
        try {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                // A new address each time: only the per-email limit (10 a window) can stop these.
                statuses.add(api().post("/api/v1/auth/login", Map.of("email", email, "password", "guess " + i))
                        .statusCode());
            }
            assertThat(statuses.subList(0, 10)).containsOnly(401);
            assertThat(statuses.subList(10, 12)).containsOnly(429);
            Response limited = api().post("/api/v1/auth/login", Map.of("email", email, "password", "a fine passphrase"));
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
            // Registration fails closed as well: 10 per address a window.
            Api sameAddress = api();
            List<Integer> registrations = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                registrations.add(sameAddress.post("/api/v1/auth/register", Map.of("email", TestUsers.uniqueEmail("lr"),
                        "password", "a fine passphrase", "firstName", "L", "lastName", "R")).statusCode());
            }
            assertThat(registrations.subList(0, 10)).containsOnly(201);
            assertThat(registrations.get(10)).isEqualTo(429);
            // Browsing fails open: without Redis it is not limited, and it still answers.
            api().get("/api/v1/events").then().statusCode(200);
        } finally {
            services().redis.restore();
        }
    }


    @Test
    void withRedisDownLoginStillWorksAndIsLimitedByTheInstancesOwnCounters() throws Exception {
        Api client = api();
        String email = TestUsers.uniqueEmail("noredis");
        client.register(email, "a fine passphrase", "Rita", "Redisless");
        fillTheRedisPool();
        long mark = ServerLog.mark();
        services().redis.cut();
        try {
            client.login(email, "a fine passphrase");
            assertThat(ServerLog.awaitAfter(mark, "rate limits are counted per instance", Duration.ofSeconds(5)))
                    .as("the server says how rate limiting works meanwhile").isTrue();
            JsonPath health = client.get("/health/ready").then().statusCode(200).extract().jsonPath();
            assertThat(health.getString("status")).isEqualTo("UP");
            assertThat(health.getString("checks.find { it.name == 'redis' }.data.reachable")).isEqualTo("false");
            // Login fails closed: the per-email limit (10 a minute, one used above) holds without Redis.
            List<Integer> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 11; i++) {
                statuses.add(client.post("/api/v1/auth/login", Map.of("email", email, "password", "wrong password " + i))
                        .then().extract().statusCode());
            }
            assertThat(statuses.subList(0, 9)).containsOnly(401);
            assertThat(statuses.subList(9, 11)).containsOnly(429);
        } finally {
            services().redis.restore();
        }
        Thread.sleep(5500);
        // Back on the shared counters, which saw none of the attempts made during the outage.
        String other = TestUsers.uniqueEmail("redis-back");
        client.post("/api/v1/auth/register", Map.of("email", other, "password", "a fine passphrase",
                "firstName", "Rita", "lastName", "Returns")).then().statusCode(201);
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(client.post("/api/v1/auth/login", Map.of("email", other, "password", "wrong " + i))
                    .then().extract().statusCode());
        }
        assertThat(statuses).as("limits apply again once Redis is back").contains(429);
        client.get("/health/ready").then().body("checks.find { it.name == 'redis' }.data.reachable", equalTo("true"));
        assertThat(ServerLog.awaitAfter(mark, "Redis is reachable again", Duration.ofSeconds(5))).isTrue();
    }


    @Test
    void withoutRedisEverythingAnswersFromPostgresAndNothingStaleReturns() throws Exception {
        Api admin = admin();
        Organizer organizer = Organizer.verified(api(), admin, "discovery");
        String tag = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String id = organizer.published(admin, Organizer.eventBody("Outage " + tag, "talk", "", SOON), "5");
        organizer.event(id);
        list(organizer);
        services().redis.cut();
        try {
            assertThat(organizer.event(id).getString("data.title")).isEqualTo("Outage " + tag);
            organizer.api.put("/api/v1/events/" + id, Organizer.eventBody("Edited offline " + tag, "talk", "", SOON))
                    .then().statusCode(200);
            assertThat(list(organizer).getString("data.items[0].title")).isEqualTo("Edited offline " + tag);
            assertThat(search("offline " + tag).getList("data.items.id", String.class)).containsExactly(id);
        } finally {
            services().redis.restore();
        }
        Thread.sleep(5500);
        // Redis still holds the pages cached before the outage; the change made meanwhile must win.
        assertThat(organizer.event(id).getString("data.title")).isEqualTo("Edited offline " + tag);
        assertThat(list(organizer).getString("data.items[0].title")).isEqualTo("Edited offline " + tag);
    }


    /**
     * Many readers at once leave many idle pooled Redis connections, all of which die with the link: the state of
     * a busy server when Redis goes away, in which each stale connection used to cost another back-off.
     */
    private void fillTheRedisPool() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> reads = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Api reader = api();
                reads.add(pool.submit(() -> {
                    start.await();
                    return reader.get("/api/v1/events?page=1&size=" + (1 + ThreadLocalRandom.current().nextInt(20)))
                            .statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> read : reads) {
                assertThat(read.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private JsonPath list(Organizer organizer) {
        return api().request().queryParam("organizerId", organizer.organizerId).queryParam("size", 50)
                .get("/api/v1/events").then().statusCode(200).extract().jsonPath();
    }

    private JsonPath search(String q) {
        return api().request().queryParam("q", q).queryParam("size", 50)
                .get("/api/v1/events/search").then().statusCode(200).extract().jsonPath();
    }
}
