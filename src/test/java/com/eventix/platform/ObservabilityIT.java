package com.eventix.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.eventix.testing.Api;
import com.eventix.testing.Organizer;
import com.eventix.testing.ServerProcess;
import com.eventix.testing.SharedServices;
import com.eventix.testing.SuiteServicesExtension;
import com.eventix.testing.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * What an operator watches, on a server of its own started as an operator would with LOG_FORMAT=json and traces
 * exported over OTLP (to a collector emulated over HTTP): a request's trace continues through the outbox and the
 * broker into the queue worker that handles its message, whose log line names that trace; the spans reach the
 * collector; and /metrics counts holds by outcome, times requests by status class and shows the outbox backlog and
 * every timer's lag.
 */
@ExtendWith(SuiteServicesExtension.class)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = SharedServices.REDIS, mode = ResourceAccessMode.READ)
class ObservabilityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer collector;
    private static ServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        collector = new WireMockServer(wireMockConfig().dynamicPort());
        collector.start();
        collector.stubFor(post(urlEqualTo("/v1/traces")).willReturn(aResponse().withStatus(200)));
        server = ServerProcess.isolated("observed", Map.of(
                "LOG_FORMAT", "json",
                // No SMTP server: the mail worker writes each email to the log, the line this test looks for.
                "SMTP_HOST", "",
                "OTEL_TRACES_EXPORTER", "otlp",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.port(),
                "OTEL_BSP_SCHEDULE_DELAY", "200"));
        server.start().awaitReady(Duration.ofMinutes(3));
    }

    /** The server stops with the class: idle, its timers would still take CPU from the rest of the run. */
    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
        collector.stop();
    }

    @Test
    void readinessAskedThroughoutTheBootLeavesNoFailedCheckInTheLog() throws Exception {
        // The launcher asked /health/ready from the server's first second until it answered 200.
        assertThat(Files.readAllLines(server.log()))
                .noneMatch(line -> line.contains("Exception executing HealthCheck"));
    }

    @Test
    void aRequestsTraceReachesTheLogLineOfTheWorkerThatSendsItsEmailAndTheCollector() throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String email = TestUsers.uniqueEmail("traced");
        Api.at(server.url()).request().header("traceparent", "00-" + traceId + "-" + HexFormat.of()
                        .formatHex(randomBytes(8)) + "-01")
                .body(Map.of("email", email, "password", "traced passphrase", "firstName", "Tess", "lastName", "Trace"))
                .contentType("application/json").post("/api/v1/auth/register").then().statusCode(201);

        JsonNode mailLine = awaitLogLine(line -> line.path("message").asText().startsWith("EMAIL to " + email));
        assertThat(mailLine.path("traceId").asText()).as("the worker's line carries the request's trace")
                .isEqualTo(traceId);
        assertThat(mailLine.path("thread").asText()).startsWith("eventix-queue-");
        assertThat(mailLine.path("spanId").asText()).hasSize(16);
        assertThat(mailLine.path("level").asText()).isEqualTo("INFO");
        assertThat(Instant.parse(mailLine.path("timestamp").asText())).isAfter(Instant.now().minusSeconds(300));

        // The spans of the request and of the worker were exported: OTLP protobuf carries the trace id as its bytes.
        byte[] id = HexFormat.of().parseHex(traceId);
        Instant deadline = Instant.now().plusSeconds(30);
        long exported = 0;
        while (Instant.now().isBefore(deadline)) {
            List<LoggedRequest> batches = collector.findAll(postRequestedFor(urlEqualTo("/v1/traces")));
            exported = batches.stream().filter(r -> indexOf(r.getBody(), id) >= 0).count();
            if (exported > 0) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(exported).as("OTLP batches naming the trace").isPositive();
    }

    @Test
    void metricsCountHoldsByOutcomeAndShowTheBacklogAndEveryTimersLag() throws Exception {
        Api anonymous = Api.at(server.url());
        Api admin = anonymous.as((String) anonymous.login(TestUsers.ADMIN_EMAIL, TestUsers.ADMIN_PASSWORD)
                .get("accessToken"));
        Organizer organizer = Organizer.verified(Api.at(server.url()), admin, "metrics");
        String eventId = organizer.draft(Organizer.eventBody("Counted night", "music", "",
                Instant.now().plus(20, ChronoUnit.DAYS)));
        String tierId = organizer.addTier(eventId, Organizer.tierBody("Only one", "0", 1));
        organizer.api.post("/api/v1/events/" + eventId + "/submit", Map.of()).then().statusCode(200);
        admin.post("/api/v1/admin/events/" + eventId + "/approve", Map.of()).then().statusCode(200);
        List<Api> buyers = TestUsers.signedIn(2, i -> Api.at(server.url()), "metrics", "metrics passphrase");

        buyers.get(0).post("/api/v1/tickets/reserve", Map.of("tierId", tierId, "quantity", 1)).then().statusCode(201);
        buyers.get(1).post("/api/v1/tickets/reserve", Map.of("tierId", tierId, "quantity", 1)).then().statusCode(409);
        buyers.get(1).post("/api/v1/tickets/reserve", Map.of("tierId", tierId, "quantity", 0)).then().statusCode(400);

        String metrics = anonymous.request().accept("text/plain").get("/metrics").then().statusCode(200)
                .extract().asString();
        assertThat(value(metrics, "eventix_holds_total", "outcome=\"success\"")).contains(1.0);
        assertThat(value(metrics, "eventix_holds_total", "outcome=\"TICKET_NOT_AVAILABLE\"")).contains(1.0);
        assertThat(value(metrics, "eventix_holds_total", "outcome=\"VALIDATION_FAILED\"")).contains(1.0);
        assertThat(value(metrics, "eventix_outbox_backlog", "")).isPresent();
        // Request rate, error rate and p99 latency come from one timer per status class.
        assertThat(value(metrics, "eventix_http_requests_seconds_count", "status=\"2xx\"")).hasValueSatisfying(
                count -> assertThat(count).isGreaterThanOrEqualTo(8));
        assertThat(value(metrics, "eventix_http_requests_seconds_count", "status=\"4xx\"")).hasValueSatisfying(
                count -> assertThat(count).isGreaterThanOrEqualTo(2));
        assertThat(value(metrics, "eventix_http_requests_seconds", "quantile=\"0.99\"")).hasValueSatisfying(
                p99 -> assertThat(p99).isPositive());
        assertThat(value(metrics, "eventix_outbox_dead", "")).contains(0.0);
        assertThat(value(metrics, "eventix_queue_depth", "queue=\"eventix.notifications\"")).as("asked at the broker")
                .hasValueSatisfying(depth -> assertThat(depth).isBetween(0.0, 100.0));
        for (String timer : List.of("HoldExpiryTimer", "EventLifecycleTimer", "OutboxRelay")) {
            assertThat(value(metrics, "eventix_timer_lag_seconds", "timer=\"" + timer + "\"")).as(timer)
                    .hasValueSatisfying(lag -> assertThat(lag).isBetween(0.0, 120.0));
        }
    }

    /** The value of the first sample of {@code name} whose labels contain {@code label}. */
    private static Optional<Double> value(String metrics, String name, String label) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> l.contains(label)).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)));
    }

    private static JsonNode awaitLogLine(java.util.function.Predicate<JsonNode> wanted) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Optional<JsonNode> found = jsonLines().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no such JSON line in " + server.log());
    }

    /**
     * The log's records after the switch to JSON, each a JSON object on a line of its own (libraries that print to
     * the console themselves, such as SLF4J's start-up notice, write plain lines between them).
     */
    private static List<JsonNode> jsonLines() throws IOException {
        List<String> lines = Files.readAllLines(server.log());
        int from = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("Log lines are JSON from here on")) {
                from = i + 1;
            }
        }
        return lines.subList(from, lines.size()).stream().filter(l -> l.startsWith("{")).map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new AssertionError("not a JSON log line: " + l, e);
            }
        }).toList();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
