package com.eventix.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a load balancer sees of a starting instance: it waits for {@code /health/ready} to say UP, then calls the
 * API for a while and records every call that was not answered 200. An instance must serve from the first moment
 * it says it is ready.
 */
public final class BalancerView {
    private static final List<String> PATHS = List.of("api/v1/events", "api/v1/events/search?q=hall", "openapi");
    /** HTTP/1.1, as balancers probe (and see PayaraLauncher.awaitReady on HTTP/2 upgrades during a start). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** Waits for readiness (the server must stay alive meanwhile), then calls the API for 15 s: what went wrong. */
    public List<String> failuresThroughStart(ServerProcess server) throws InterruptedException {
        String base = server.url().toString();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (status(base + "health/ready") != 200) {
            assertThat(server.isAlive()).as("server process alive (log: %s)", server.log()).isTrue();
            assertThat(Instant.now()).as("ready in time (log: %s)", server.log()).isBefore(deadline);
            Thread.sleep(50);
        }
        List<String> failures = new ArrayList<>();
        Instant end = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(end)) {
            for (String path : PATHS) {
                int status = status(base + path);
                if (status != 200) {
                    failures.add(path + " -> " + status);
                }
            }
            int ready = status(base + "health/ready");
            if (ready != 200) {
                failures.add("health/ready -> " + ready);
            }
            Thread.sleep(20);
        }
        return failures;
    }

    /** The status of a GET; -1 when no answer came (refused, reset, or none within 30 s: the first /openapi
     *  builds the document, which takes seconds on a loaded machine). */
    private int status(String url) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("X-Forwarded-For", "10.200.0.1").build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        }
    }
}
