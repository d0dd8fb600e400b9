package com.eventix.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.eventix.testing.Api;
import com.eventix.testing.IntegrationTest;
import com.eventix.testing.Organizer;
import com.eventix.testing.SuiteServices;
import com.eventix.testing.TestUsers;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The HTTP edge as browsers, attackers and proxies meet it: CORS, security headers, body size limits, error
 * details free of internals, and rate limits on every endpoint family (with Redis cut: RedisOutageIT).
 */
class HttpEdgeIT extends IntegrationTest {
    private static final String LISTED = SuiteServices.CORS_ORIGIN;
    private static final String UNLISTED = "https://evil.example";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    // --- CORS ----------------------------------------------------------------------------------------------------

    @Test
    void aListedOriginsPreflightIsAnsweredWithMethodsHeadersAndCredentials() {
        for (String path : List.of("/api/v1/auth/login", "/api/v1/tickets/reserve", "/openapi")) {
            Response r = api().request().header("Origin", LISTED).header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key")
                    .options(path);
            assertThat(r.statusCode()).as(path).isEqualTo(204);
            assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(LISTED);
            assertThat(r.header("Access-Control-Allow-Credentials")).isEqualTo("true");
            assertThat(r.header("Access-Control-Allow-Methods")).contains("POST", "PUT", "DELETE");
            assertThat(r.header("Access-Control-Allow-Headers")).contains("Authorization", "Content-Type", "Idempotency-Key");
            assertThat(Integer.parseInt(r.header("Access-Control-Max-Age"))).isPositive();
            assertThat(r.headers().getValues("Vary").toString()).contains("Origin");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void aListedOriginsRequestsMayBeReadByTheBrowser() {
        Response events = api().request().header("Origin", LISTED).get("/api/v1/events");
        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(events.header("Access-Control-Allow-Origin")).isEqualTo(LISTED);
        assertThat(events.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(events.header("Access-Control-Expose-Headers")).contains("Retry-After", "Location");
        assertThat(events.headers().getValues("Vary").toString()).contains("Origin");

        Response openapi = api().request().header("Origin", LISTED).accept("application/json").get("/openapi?format=json");
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.header("Access-Control-Allow-Origin")).isEqualTo(LISTED);

        // Failures are readable too, or a browser client could not show why it failed.
        Response unauthorized = api().request().header("Origin", LISTED).get("/api/v1/users/me");
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.header("Access-Control-Allow-Origin")).isEqualTo(LISTED);
    }

    @Test
    void anUnlistedOriginGetsNoCorsHeadersAtAll() {
        Response preflight = api().request().header("Origin", UNLISTED).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization").options("/api/v1/auth/login");
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.jsonPath().getString("error.code")).isEqualTo("FORBIDDEN");
        assertNoCors(preflight);

        Response events = api().request().header("Origin", UNLISTED).get("/api/v1/events");
        assertThat(events.statusCode()).isEqualTo(200);
        assertNoCors(events);
        assertThat(events.headers().getValues("Vary").toString()).contains("Origin");

        Response lookalike = api().request().header("Origin", LISTED + ".evil.example").get("/api/v1/events");
        assertNoCors(lookalike);
        assertNoCors(api().request().header("Origin", "null").get("/openapi"));
    }

    private static void assertNoCors(Response r) {
        assertThat(r.headers().asList().stream().map(h -> h.getName().toLowerCase()).toList())
                .noneMatch(name -> name.startsWith("access-control-"));
    }

    // --- Security headers ----------------------------------------------------------------------------------------

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        Api attendee = attendee();
        Map<String, Response> responses = new java.util.LinkedHashMap<>();
        responses.put("API 200", api().get("/api/v1/events"));
        responses.put("API 404", api().get("/api/v1/no-such-resource"));
        responses.put("API 400", api().get("/api/v1/events/None"));
        responses.put("API 401", api().get("/api/v1/users/me"));
        responses.put("forged token", api().as("not.a.token").get("/api/v1/users/me"));
        responses.put("page 404", api().get("/no/such/page"));
        responses.put("health", api().get("/health/ready"));
        responses.put("metrics", api().get("/metrics"));
        responses.put("openapi", api().get("/openapi"));
        responses.put("swagger ui", api().get("/swagger-ui/"));
        responses.put("my tickets", attendee.get("/api/v1/tickets/my-tickets"));
        responses.put("sandbox checkout", api().get("/api/v1/payments/sandbox/checkout/no-such-reference"));
        responses.forEach((what, r) -> {
            assertThat(r.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).as(what).isEqualTo("DENY");
            assertThat(r.header("Content-Security-Policy")).as(what).contains("frame-ancestors 'none'");
            assertThat(r.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
            // PUBLIC_BASE_URL is http here: no HSTS, which would pin browsers to an https this server does not have.
            assertThat(r.header("Strict-Transport-Security")).as(what).isNull();
        });
        assertThat(responses.get("forged token").statusCode()).isEqualTo(401);
        assertThat(responses.get("page 404").statusCode()).isEqualTo(404);
    }

    @Test
    void swaggerUiStillLoadsItsScriptsUnderNosniff() {
        String page = api().get("/swagger-ui/").then().statusCode(200).extract().asString();
        // No content policy beyond framing: the page's inline script must keep running.
        assertThat(page).contains("SwaggerUIBundle(");
        String script = page.replaceAll("(?s).*src=\"\\.\\./(webjars/[^\"]+swagger-ui-bundle\\.js)\".*", "$1");
        Response js = api().get("/" + script);
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.contentType()).containsIgnoringCase("javascript");
        String css = page.replaceAll("(?s).*href=\"\\.\\./(webjars/[^\"]+swagger-ui\\.css)\".*", "$1");
        assertThat(api().get("/" + css).contentType()).containsIgnoringCase("text/css");
    }

    // --- Body size -----------------------------------------------------------------------------------------------

    @Test
    void aTwoMegabyteJsonBodyIsRefusedWith413() throws Exception {
        byte[] body = bigJson(2 * 1024 * 1024);
        HttpResponse<String> r = HTTP.send(post("/api/v1/auth/register", HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertTooLarge(r);
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIsRefusedWith413() throws Exception {
        byte[] body = bigJson(2 * 1024 * 1024);
        // ofInputStream has no length: the body goes chunked, and only reading it shows its size.
        HttpRequest request = post("/api/v1/auth/register",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        assertThat(request.bodyPublisher().orElseThrow().contentLength()).isNegative();
        assertTooLarge(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void aHugeWebhookIsRefusedWith413WithoutBeingHeldInMemory() throws Exception {
        byte[] body = bigJson(3 * 1024 * 1024);
        assertTooLarge(HTTP.send(post("/api/v1/payments/webhooks/sandbox",
                HttpRequest.BodyPublishers.ofByteArray(body)).header("Stripe-Signature", "t=1,v1=00").build(),
                HttpResponse.BodyHandlers.ofString()));
        assertTooLarge(HTTP.send(post("/api/v1/payments/webhooks/stripe",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .header("Stripe-Signature", "t=1,v1=00").build(), HttpResponse.BodyHandlers.ofString()));
        // A normal-sized webhook is still read and judged by its signature.
        api().request().contentType("application/json").header("Stripe-Signature", "t=1,v1=00").body("{}")
                .post("/api/v1/payments/webhooks/sandbox").then().statusCode(400)
                .body("error.code", equalTo("INVALID_WEBHOOK_SIGNATURE"));
    }

    @Test
    void aBodyJustUnderTheLimitIsStillRead() throws Exception {
        byte[] body = bigJson(1024 * 1024 - 200);
        HttpResponse<String> r = HTTP.send(post("/api/v1/auth/register",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        // Read in full and judged on its content: a registration without the required fields.
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(JsonPath.from(r.body()).getString("error.code")).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void bannerUploadsKeepTheirOwnLargerLimit() throws Exception {
        Organizer owner = Organizer.verified(api(), admin(), "edge-banner");
        String eventId = owner.draft(Organizer.eventBody("Big banner", "art", "",
                Instant.now().plus(30, ChronoUnit.DAYS)));
        // Noise does not compress: a PNG of about 2 MB, over MAX_REQUEST_BODY and under BANNER_MAX_BYTES.
        BufferedImage img = new BufferedImage(1000, 700, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        assertThat(png.size()).isBetween(1_500_000, 5_000_000);
        owner.api.request().contentType("image/png").body(png.toByteArray())
                .put("/api/v1/events/" + eventId + "/banner").then().statusCode(200);
    }

    private HttpRequest.Builder post(String path, HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create(api().base() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("X-Forwarded-For", api().clientIp())
                .POST(body);
    }

    /** A JSON object of about {@code size} bytes: one long string field the endpoint does not know. */
    private static byte[] bigJson(int size) {
        StringBuilder json = new StringBuilder(size + 32).append("{\"padding\":\"");
        while (json.length() < size - 2) {
            json.append("abcdefghij");
        }
        return json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void assertTooLarge(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        JsonPath json = JsonPath.from(r.body());
        assertThat(json.getBoolean("success")).isFalse();
        assertThat(json.getString("error.code")).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    // --- Error details -------------------------------------------------------------------------------------------

    @Test
    void unconvertibleParametersAre400sNamingTheParameterAndNeverJavaInternals() {
        Api attendee = attendee();
        Api admin = admin();
        String huge = "99999999999999999999";
        record Case(Api who, String path, String parameter, String expected) {
        }
        List<Case> cases = List.of(
                new Case(api(), "/api/v1/events/None", "id", "must be a UUID"),
                new Case(api(), "/api/v1/events/null", "id", "must be a UUID"),
                new Case(api(), "/api/v1/events/None/tiers", "eventId", "must be a UUID"),
                new Case(api(), "/api/v1/events?page=" + huge, "page", "whole number"),
                new Case(api(), "/api/v1/events?size=null", "size", "whole number"),
                new Case(api(), "/api/v1/events?minPrice=cheap", "minPrice", "decimal number"),
                new Case(api(), "/api/v1/events?organizerId=None", "organizerId", "must be a UUID"),
                new Case(api(), "/api/v1/events/search?q=x&page=" + huge, "page", "whole number"),
                new Case(attendee, "/api/v1/orders/None", "id", "must be a UUID"),
                new Case(attendee, "/api/v1/orders/my-orders?page=" + huge, "page", "whole number"),
                new Case(attendee, "/api/v1/tickets/reservations/null", "id", "must be a UUID"),
                new Case(attendee, "/api/v1/tickets/my-tickets?size=-" + huge, "size", "whole number"),
                new Case(attendee, "/api/v1/tickets/" + UUID.randomUUID() + "/qr?size=" + huge, "size", "whole number"),
                new Case(admin, "/api/v1/admin/organizers?status=BOGUS", "status", "must be one of"),
                new Case(admin, "/api/v1/admin/events?status=null", "status", "must be one of"),
                new Case(admin, "/api/v1/admin/audit-log?actorId=None", "actorId", "must be a UUID"),
                new Case(admin, "/api/v1/admin/audit-log?page=" + huge, "page", "whole number"));
        for (Case c : cases) {
            Response r = c.who().get(c.path());
            String body = r.asString();
            assertThat(r.statusCode()).as(c.path() + " " + body).isEqualTo(400);
            assertThat(r.jsonPath().getString("error.code")).as(c.path()).isEqualTo("VALIDATION_FAILED");
            assertThat(r.jsonPath().getString("error.details." + c.parameter())).as(c.path() + " " + body)
                    .contains(c.expected());
            assertThat(body).as(c.path()).doesNotContain("java.").doesNotContain("Exception")
                    .doesNotContain("jakarta.").doesNotContain("org.");
        }
        // An enum's expected values are listed, so the client can correct itself.
        assertThat(admin.get("/api/v1/admin/organizers?status=BOGUS").jsonPath().getString("error.details.status"))
                .contains("PENDING");
    }

    @Test
    void bodiesThatAreNotTheExpectedJsonNeverEchoInternals() {
        Api attendee = attendee();
        for (String body : List.of("{\"tierId\": \"None\", \"quantity\": 1}", "{\"tierId\": null, \"quantity\": \"many\"}",
                "{\"quantity\": 99999999999999999999}", "[", "null")) {
            Response r = attendee.postRaw("/api/v1/tickets/reserve", body, "application/json");
            assertThat(r.statusCode()).as(body + " " + r.asString()).isEqualTo(400);
            assertThat(r.asString()).as(body).doesNotContain("java.").doesNotContain("Exception");
        }
    }

    // --- Rate limits ---------------------------------------------------------------------------------------------

    @Test
    void readsAreLimitedPerUserAcrossAddressesWithRetryAfter() throws Exception {
        Map<String, Object> tokens = api().registerAndLogin(TestUsers.uniqueEmail("reader"), "a fine passphrase");
        String token = (String) tokens.get("accessToken");
        // The same user from many addresses: one budget.
        List<Integer> statuses = burst(SuiteServices.RATE_LIMIT_READ + 5,
                () -> api().as(token).get("/api/v1/users/me").statusCode());
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(SuiteServices.RATE_LIMIT_READ);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(5);
        Response limited = api().as(token).get("/api/v1/events");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.jsonPath().getString("error.code")).isEqualTo("RATE_LIMITED");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        // Another user, and anonymous browsing, are not affected.
        attendee().get("/api/v1/users/me").then().statusCode(200);
        api().get("/api/v1/events").then().statusCode(200);
    }

    @Test
    void anonymousReadsAreLimitedPerClientAddress() throws Exception {
        Api sameAddress = api();
        List<Integer> statuses = burst(SuiteServices.RATE_LIMIT_READ + 3,
                () -> sameAddress.get("/api/v1/events/" + UUID.randomUUID()).statusCode());
        assertThat(statuses.stream().filter(s -> s == 404).count()).isEqualTo(SuiteServices.RATE_LIMIT_READ);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(3);
        // Only the right-most forwarded address counts: a client cannot prepend its way into a fresh budget.
        sameAddress.request().header("X-Forwarded-For", "203.0.113.9, " + sameAddress.clientIp())
                .get("/api/v1/events").then().statusCode(429);
        api().get("/api/v1/events").then().statusCode(200);
    }

    @Test
    void writesAreLimitedPerUser() throws Exception {
        Api attendee = attendee();
        // Empty organizer applications: cheap to refuse, yet each one counts against the write budget.
        List<Integer> statuses = burst(SuiteServices.RATE_LIMIT_WRITE + 4,
                () -> attendee.post("/api/v1/organizers", Map.of()).statusCode());
        assertThat(statuses.stream().filter(s -> s == 400).count()).isEqualTo(SuiteServices.RATE_LIMIT_WRITE);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(4);
        // Reads have their own budget.
        attendee.get("/api/v1/users/me").then().statusCode(200);
    }

    @Test
    void authenticationEndpointsAreLimitedPerClientAddress() throws Exception {
        Api sameAddress = api();
        List<Integer> statuses = burst(SuiteServices.RATE_LIMIT_AUTH + 2,
                () -> sameAddress.post("/api/v1/auth/refresh", Map.of("refreshToken", "not-a-token")).statusCode());
        assertThat(statuses.stream().filter(s -> s == 401).count()).isEqualTo(SuiteServices.RATE_LIMIT_AUTH);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(2);
        api().post("/api/v1/auth/refresh", Map.of("refreshToken", "not-a-token")).then().statusCode(401);
    }

    @Test
    void webhooksAndOperationsEndpointsAreNotLimited() throws Exception {
        Api provider = api();
        List<Integer> webhooks = burst(SuiteServices.RATE_LIMIT_WRITE + 20, () -> provider.request()
                .contentType("application/json").header("Stripe-Signature", "t=1,v1=00").body("{}")
                .post("/api/v1/payments/webhooks/sandbox").statusCode());
        assertThat(webhooks).containsOnly(400);
        Api operator = api();
        List<Integer> health = burst(SuiteServices.RATE_LIMIT_AUTH + 20, () -> operator.get("/health/live").statusCode());
        assertThat(health).containsOnly(200);
    }

    /** Runs {@code calls} requests from 8 threads at once; answers their statuses. */
    private static List<Integer> burst(int calls, java.util.concurrent.Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(pool.submit(call));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    private Api attendee() {
        Api anonymous = api();
        Map<String, Object> tokens = anonymous.registerAndLogin(TestUsers.uniqueEmail("edge"), "a fine passphrase");
        return anonymous.as((String) tokens.get("accessToken"));
    }
}
