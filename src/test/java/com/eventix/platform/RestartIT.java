package com.eventix.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.eventix.testing.ServerProcess;
import com.eventix.testing.SuiteServicesExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a load balancer sees while an instance starts: from the first moment {@code /health/ready} says UP, the
 * API answers, on a first start and after a {@code kill -9} and a start on the same runtime folder.
 */
@ExtendWith(SuiteServicesExtension.class)
@Execution(ExecutionMode.CONCURRENT)
class RestartIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void theApiAnswersFromTheMomentReadinessSaysUpAlsoAfterAKill() throws Exception {
        try (ServerProcess server = ServerProcess.isolated("restart")) {
            server.start();
            assertThat(pollThroughStart(server)).as("answers after a first start (log: %s)", server.log()).isEmpty();

            server.kill();
            server.start();
            assertThat(pollThroughStart(server)).as("answers after kill -9 and a restart (log: %s)", server.log())
                    .isEmpty();
        }
    }

    /** Waits for readiness as a balancer would, then calls the API for 15 s: answers what went wrong. */
    private List<String> pollThroughStart(ServerProcess server) throws Exception {
        String base = server.url().toString();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (status(base + "health/ready") != 200) {
            assertThat(server.isAlive()).as("server process alive").isTrue();
            assertThat(Instant.now()).as("ready in time").isBefore(deadline);
            Thread.sleep(50);
        }
        List<String> failures = new ArrayList<>();
        Instant end = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(end)) {
            for (String path : List.of("api/v1/events", "api/v1/events/search?q=hall", "openapi")) {
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
