package com.eventix.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.eventix.testing.Db;
import com.eventix.testing.IntegrationTest;
import com.eventix.testing.Mailbox;
import com.eventix.testing.SharedServices;
import com.eventix.testing.TestUsers;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The platform as operators and integrators meet it: health, metrics, OpenAPI, errors, mail and the broker. */
// It stops the broker, and reports readiness with the broker and Redis up.
@ResourceLock(SharedServices.BROKER)
class PlatformIT extends IntegrationTest {

    @Test
    void readinessReportsPostgresRedisAndBrokerSeparately() {
        JsonPath health = api().get("/health/ready").then().statusCode(200).extract().jsonPath();
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getList("checks.name", String.class)).contains("postgresql", "redis", "broker");
        assertThat(health.getString("checks.find { it.name == 'redis' }.data.reachable")).isEqualTo("true");
        api().get("/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsArePublishedForPrometheus() {
        String metrics = api().get("/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("# TYPE").contains("mp_scope=\"base\"")
                .contains("connection_pool_eventix_pool_totalConnection");
    }

    @Test
    void openApiDocumentsEveryIdentityEndpointWithSchemasAndBearerAuth() {
        JsonPath doc = api().request().accept("application/json").get("/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> paths = doc.getMap("paths");
        assertThat(paths).containsKeys("/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh",
                "/api/v1/auth/logout", "/api/v1/auth/oauth/google", "/api/v1/auth/oauth/google/callback",
                "/api/v1/users/me", "/api/v1/admin/audit-log",
                "/api/v1/organizers", "/api/v1/organizers/me", "/api/v1/organizers/me/events",
                "/api/v1/admin/organizers", "/api/v1/admin/organizers/{id}/verify", "/api/v1/admin/organizers/{id}/reject",
                "/api/v1/events", "/api/v1/events/search", "/api/v1/events/{id}", "/api/v1/events/{id}/submit",
                "/api/v1/events/{id}/cancel", "/api/v1/events/{eventId}/tiers", "/api/v1/events/{eventId}/tiers/{tierId}",
                "/api/v1/admin/events", "/api/v1/admin/events/{id}/approve", "/api/v1/admin/events/{id}/reject",
                "/api/v1/tickets/reserve", "/api/v1/tickets/reservations/{id}");
        assertThat(doc.getMap("components.schemas")).containsKeys("RegisterRequest", "LoginRequest", "Tokens", "User",
                "Error", "ErrorEnvelope");
        assertThat(doc.getList("components.schemas.ErrorCode.enum", String.class))
                .contains("VALIDATION_FAILED", "EMAIL_TAKEN", "INVALID_CREDENTIALS", "RATE_LIMITED");
        assertThat(doc.getString("components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
        assertThat(doc.getMap("paths.'/api/v1/users/me'.get.responses")).containsKeys("200", "401", "403");
        // Successful payloads are documented inside the envelope, as they are sent: a named envelope per payload.
        assertThat(doc.getString("paths.'/api/v1/users/me'.get.responses.'200'.content.'application/json'.schema.$ref"))
                .isEqualTo("#/components/schemas/UserResponse");
        assertThat(doc.getMap("components.schemas.UserResponse.properties")).containsKeys("success", "data", "timestamp");
        assertThat(doc.getString("components.schemas.UserResponse.properties.data.$ref"))
                .isEqualTo("#/components/schemas/User");
        assertThat(doc.getString("components.schemas.User.properties.id.format")).isEqualTo("uuid");
        assertThat(doc.getMap("paths.'/api/v1/auth/register'.post.requestBody.content.'application/json'.schema")
                .get("$ref")).asString().endsWith("RegisterRequest");
    }

    @Test
    void swaggerUiIsServed() {
        String page = api().get("/swagger-ui/").then().statusCode(200).extract().asString();
        assertThat(page).contains("swagger-ui-bundle.js").contains("openapi");
        String script = page.replaceAll("(?s).*src=\"\\.\\./(webjars/[^\"]+swagger-ui-bundle\\.js)\".*", "$1");
        api().get("/" + script).then().statusCode(200);
    }

    @Test
    void unknownPathsAnswerInTheEnvelope() {
        api().get("/no/such/page").then().statusCode(404)
                .body("success", equalTo(false)).body("error.code", equalTo("NOT_FOUND")).body("timestamp", notNullValue());
        api().get("/api/v1/no-such-resource").then().statusCode(404)
                .body("success", equalTo(false)).body("error.code", equalTo("NOT_FOUND"));
    }

    @Test
    void wrongMethodAndMediaTypeAnswerInTheEnvelope() {
        api().request().delete("/api/v1/auth/login").then().statusCode(405).body("error.code", equalTo("METHOD_NOT_ALLOWED"));
        api().postRaw("/api/v1/auth/login", "email=a", "application/x-www-form-urlencoded")
                .then().statusCode(415).body("error.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void malformedJsonIsA400() {
        api().postRaw("/api/v1/auth/register", "{\"email\": ", "application/json")
                .then().statusCode(400).body("success", equalTo(false)).body("error.code", equalTo("MALFORMED_JSON"));
        api().postRaw("/api/v1/auth/login", "[1,2]", "application/json")
                .then().statusCode(400).body("error.code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void registrationSendsAWelcomeEmailThroughTheBrokerAndSmtp() throws Exception {
        String email = TestUsers.uniqueEmail("welcome");
        api().post("/api/v1/auth/register", Map.of("email", email, "password", "a fine passphrase",
                "firstName", "Wanda", "lastName", "Welcome")).then().statusCode(201);

        Optional<MimeMessage> mail = Mailbox.await(email, Duration.ofSeconds(20));
        assertThat(mail).as("welcome email to " + email).isPresent();
        assertThat(mail.get().getSubject()).contains("Welcome to Eventix, Wanda");
        assertThat(Mailbox.body(mail.get())).contains(email);
        Thread.sleep(1000);
        assertThat(Mailbox.to(email)).as("sent exactly once").hasSize(1);
    }

    @Test
    void emailsDecidedWhileTheBrokerIsDownAreSentWhenItReturns() throws Exception {
        String email = TestUsers.uniqueEmail("outage");
        services().broker.stop();
        try {
            api().post("/api/v1/auth/register", Map.of("email", email, "password", "a fine passphrase",
                    "firstName", "Otto", "lastName", "Outage")).then().statusCode(201);
            assertThat(Mailbox.await(email, Duration.ofSeconds(3))).as("no broker, no mail yet").isEmpty();
            JsonPath health = api().get("/health/ready").then().statusCode(200).extract().jsonPath();
            assertThat(health.getString("checks.find { it.name == 'broker' }.data.reachable")).isEqualTo("false");
            assertThat(health.getInt("checks.find { it.name == 'broker' }.data.outboxPending")).isGreaterThanOrEqualTo(1);
        } finally {
            services().broker.start();
        }
        assertThat(Mailbox.await(email, Duration.ofSeconds(60))).as("delivered after the broker came back").isPresent();
    }

    /**
     * The relay's connection from before an outage fails its next send only once the client stops waiting for the
     * broker (5 s): that failure is the broker's, so the message is charged no attempt, and an outage longer than
     * the whole retry budget (here 3 attempts, 1 s then 2 s apart) still ends with the mail delivered.
     */
    @Test
    void anOutageLongerThanTheRetryBudgetChargesTheWaitingMailNoAttempt() throws Exception {
        String warmUp = TestUsers.uniqueEmail("before-outage");
        api().register(warmUp, "a fine passphrase", "Wanda", "Outage");
        assertThat(Mailbox.await(warmUp, Duration.ofSeconds(30))).as("the relays are connected").isPresent();
        String email = TestUsers.uniqueEmail("long-outage");
        services().broker.stop();
        try {
            api().register(email, "a fine passphrase", "Lorna", "Outage");
            Thread.sleep(12_000);
        } finally {
            services().broker.start();
        }
        assertThat(Mailbox.await(email, Duration.ofSeconds(60))).as("delivered after the broker came back").isPresent();
        assertThat(Db.integer("SELECT max(attempts) FROM outbox_messages WHERE payload LIKE ?", "%" + email + "%"))
                .as("attempts charged to the mail").isZero();
    }

}
