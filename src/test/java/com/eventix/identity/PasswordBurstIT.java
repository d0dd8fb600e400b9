package com.eventix.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.eventix.testing.IntegrationTest;
import com.eventix.testing.SharedServices;
import com.eventix.testing.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A burst of password checks on the shared server, alone on it: while the burst fills the hashing bulkhead, any
 * other class's sign-ups would be refused 503 as well.
 */
@ResourceLock(SharedServices.SERVERS)
class PasswordBurstIT extends IntegrationTest {
    private static final String PASSWORD = "a fine passphrase";

    private Map<String, Object> registration(String email) {
        return Map.of("email", email, "password", PASSWORD, "firstName", "Ines", "lastName", "Identity");
    }

    /**
     * 500 registrations and logins at once, each from its own address (so per-address limits do not decide it):
     * every password hash waits for the heap-sized bulkhead or is refused with 503 + Retry-After; none is dropped
     * and the server stays up.
     */
    @Test
    void aBurstOfPasswordChecksIsAnsweredAndTheServerStaysUp() throws Exception {
        String known = TestUsers.uniqueEmail("burst-known");
        api().post("/api/v1/auth/register", registration(known)).then().statusCode(201);
        String base = api().base();
        ExecutorService executor = Executors.newFixedThreadPool(64);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(30)).build();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (int i = 0; i < 500; i++) {
                String body;
                String path;
                if (i % 2 == 0) {
                    path = "/api/v1/auth/register";
                    body = "{\"email\":\"" + TestUsers.uniqueEmail("burst") + "\",\"password\":\"" + PASSWORD
                            + "\",\"firstName\":\"Bea\",\"lastName\":\"Burst\"}";
                } else {
                    path = "/api/v1/auth/login";
                    String email = i % 4 == 1 ? known : TestUsers.uniqueEmail("burst-ghost");
                    String password = i % 8 == 1 ? PASSWORD : "wrong " + i;
                    body = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
                }
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(120))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", "10.200." + (i / 250) + "." + (i % 250 + 1))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<String> failures = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                try {
                    HttpResponse<String> r = call.get(180, TimeUnit.SECONDS);
                    statuses.merge(r.statusCode(), 1, Integer::sum);
                    if (r.statusCode() == 503) {
                        assertThat(r.body()).contains("SERVICE_BUSY");
                        assertThat(r.headers().firstValue("Retry-After")).as("Retry-After on 503").isPresent();
                    }
                } catch (ExecutionException e) {
                    failures.add(String.valueOf(e.getCause()));
                }
            }
            System.out.printf("password burst: %s in %d ms, %d dropped%n", statuses,
                    (System.nanoTime() - started) / 1_000_000, failures.size());
            assertThat(failures).as("requests dropped; answers were " + statuses).isEmpty();
            assertThat(statuses.keySet()).as("statuses " + statuses).isSubsetOf(Set.of(200, 201, 401, 429, 503));
            assertThat(statuses.getOrDefault(200, 0) + statuses.getOrDefault(201, 0))
                    .as("some succeed: " + statuses).isPositive();
            assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(500);
        } finally {
            executor.shutdownNow();
        }
        api().get("/health/live").then().statusCode(200);
        // The known address used up its login limit in the burst; a normal user signs up and in as ever.
        api().registerAndLogin(TestUsers.uniqueEmail("after-burst"), PASSWORD);
    }
}
