package com.eventix.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.eventix.testing.Api;
import com.eventix.testing.Db;
import com.eventix.testing.ForgedTokens;
import com.eventix.testing.IntegrationTest;
import com.eventix.testing.ServerLog;
import com.eventix.testing.TestUsers;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Accounts and authentication over HTTP, end to end. */
class IdentityIT extends IntegrationTest {
    private static final String PASSWORD = "a fine passphrase";

    private Map<String, Object> registration(String email) {
        return new HashMap<>(Map.of("email", email, "password", PASSWORD, "firstName", "Ines", "lastName", "Identity"));
    }

    @Test
    void registerLoginReadAndUpdateProfile() {
        Api client = api();
        String email = TestUsers.uniqueEmail("Flow").replace("flow", "FLOW");
        Map<String, Object> body = registration(email);
        body.put("phone", "+233 20 123 4567");
        JsonPath created = client.post("/api/v1/auth/register", body).then().statusCode(201)
                .body("success", equalTo(true))
                .body("data.email", equalTo(email.toLowerCase()))
                .body("data.role", equalTo("ATTENDEE"))
                .body("data", not(hasKey("passwordHash")))
                .extract().jsonPath();
        String userId = created.getString("data.id");

        JsonPath login = client.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD))
                .then().statusCode(200).extract().jsonPath();
        assertThat(login.getString("data.tokenType")).isEqualTo("Bearer");
        assertThat(login.getInt("data.expiresIn")).isBetween(60, 3600);
        assertThat(login.getString("data.refreshToken")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(login.getString("data.user.id")).isEqualTo(userId);

        Api me = client.as(login.getString("data.accessToken"));
        me.get("/api/v1/users/me").then().statusCode(200)
                .body("data.id", equalTo(userId)).body("data.phone", equalTo("+233 20 123 4567"));
        me.put("/api/v1/users/me", Map.of("firstName", "Inès", "phone", "")).then().statusCode(200)
                .body("data.firstName", equalTo("Inès")).body("data.lastName", equalTo("Identity"))
                .body("data", not(hasKey("phone")));
        me.get("/api/v1/users/me").then().body("data.firstName", equalTo("Inès"));
        me.put("/api/v1/users/me", Map.of("firstName", "")).then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_FAILED")).body("error.details.firstName", notNullValue());
    }

    @Test
    void duplicateEmailIsAConflictWhateverItsCase() {
        String email = TestUsers.uniqueEmail("dup");
        api().post("/api/v1/auth/register", registration(email)).then().statusCode(201);
        api().post("/api/v1/auth/register", registration(email.toUpperCase())).then().statusCode(409)
                .body("error.code", equalTo("EMAIL_TAKEN"));
    }

    @Test
    void weakPasswordsAreRefused() {
        Map<String, Object> shortOne = registration(TestUsers.uniqueEmail("weak"));
        shortOne.put("password", "Sh0rt!");
        api().post("/api/v1/auth/register", shortOne).then().statusCode(400)
                .body("error.code", equalTo("WEAK_PASSWORD")).body("error.details.password", notNullValue());
        Map<String, Object> common = registration(TestUsers.uniqueEmail("weak"));
        common.put("password", "password123");
        api().post("/api/v1/auth/register", common).then().statusCode(400).body("error.code", equalTo("WEAK_PASSWORD"));
    }

    @Test
    void malformedAndIncompleteBodiesAre400WithFieldDetails() {
        api().post("/api/v1/auth/register", Map.of()).then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_FAILED"))
                .body("error.details.email", notNullValue()).body("error.details.password", notNullValue())
                .body("error.details.firstName", notNullValue()).body("error.details.lastName", notNullValue());
        Map<String, Object> badEmail = registration("not-an-email");
        api().post("/api/v1/auth/register", badEmail).then().statusCode(400)
                .body("error.details.email", notNullValue()).body("error.details", not(hasKey("password")));
        api().postRaw("/api/v1/auth/register", "", "application/json").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_FAILED")).body("error.details.body", notNullValue());
        api().post("/api/v1/auth/login", Map.of("email", "x@y.z")).then().statusCode(400)
                .body("error.details.password", notNullValue());
        api().post("/api/v1/auth/refresh", Map.of()).then().statusCode(400).body("error.details.refreshToken", notNullValue());
        Map<String, Object> wrongTypes = registration(TestUsers.uniqueEmail("types"));
        wrongTypes.put("email", 42);
        api().post("/api/v1/auth/register", wrongTypes).then().statusCode(400).body("error.details.email", notNullValue());
    }

    @Test
    void wrongPasswordAndUnknownEmailAnswerTheSameInSimilarTime() {
        String email = TestUsers.uniqueEmail("enum");
        Api client = api();
        client.post("/api/v1/auth/register", registration(email)).then().statusCode(201);
        Response wrong = client.post("/api/v1/auth/login", Map.of("email", email, "password", "not the password"));
        Response unknown = client.post("/api/v1/auth/login",
                Map.of("email", TestUsers.uniqueEmail("nobody"), "password", "not the password"));
        wrong.then().statusCode(401).body("error.code", equalTo("INVALID_CREDENTIALS"));
        unknown.then().statusCode(401).body("error.code", equalTo("INVALID_CREDENTIALS"));
        assertThat(wrong.jsonPath().getString("error.message")).isEqualTo(unknown.jsonPath().getString("error.message"));

        // Both paths do one argon2id verification. Other test classes share the server, and load only ever adds
        // time, so the fastest of several alternating tries is each path's own cost: those stay within 3x.
        List<Long> wrongTimes = new ArrayList<>();
        List<Long> unknownTimes = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            wrongTimes.add(client.post("/api/v1/auth/login", Map.of("email", email, "password", "nope " + i)).time());
            unknownTimes.add(api().post("/api/v1/auth/login",
                    Map.of("email", TestUsers.uniqueEmail("ghost"), "password", "nope")).time());
        }
        long a = Collections.min(wrongTimes);
        long b = Collections.min(unknownTimes);
        assertThat((double) Math.max(a, b) / Math.max(1, Math.min(a, b))).isLessThan(3.0);
    }

    @Test
    void refreshRotatesAndReuseRevokesTheWholeFamily() {
        Api client = api();
        String email = TestUsers.uniqueEmail("rotate");
        Map<String, Object> first = client.registerAndLogin(email, PASSWORD);
        String r1 = (String) first.get("refreshToken");

        JsonPath second = client.post("/api/v1/auth/refresh", Map.of("refreshToken", r1)).then().statusCode(200)
                .extract().jsonPath();
        String r2 = second.getString("data.refreshToken");
        assertThat(r2).isNotEqualTo(r1);
        assertThat(second.getString("data.accessToken")).isNotEqualTo(first.get("accessToken"));
        client.as(second.getString("data.accessToken")).get("/api/v1/users/me").then().statusCode(200);

        // r1 again: a copy is in use somewhere. Every token of this sign-in dies, r2 included.
        client.post("/api/v1/auth/refresh", Map.of("refreshToken", r1)).then().statusCode(401)
                .body("error.code", equalTo("REFRESH_TOKEN_REUSED"));
        client.post("/api/v1/auth/refresh", Map.of("refreshToken", r2)).then().statusCode(401);

        // Another sign-in of the same user is a different family and keeps working.
        String other = (String) client.login(email, PASSWORD).get("refreshToken");
        client.post("/api/v1/auth/refresh", Map.of("refreshToken", other)).then().statusCode(200);
        client.post("/api/v1/auth/refresh", Map.of("refreshToken", "made-up-token")).then().statusCode(401)
                .body("error.code", equalTo("INVALID_REFRESH_TOKEN"));
    }

    @Test
    void logoutEndsTheSignIn() {
        Api client = api();
        Map<String, Object> tokens = client.registerAndLogin(TestUsers.uniqueEmail("logout"), PASSWORD);
        client.post("/api/v1/auth/logout", Map.of("refreshToken", tokens.get("refreshToken"))).then().statusCode(200)
                .body("success", equalTo(true));
        client.post("/api/v1/auth/refresh", Map.of("refreshToken", tokens.get("refreshToken"))).then().statusCode(401);
    }

    @Test
    void forgedTamperedAndExpiredTokensAreRejected() throws Exception {
        Api client = api();
        Map<String, Object> tokens = client.registerAndLogin(TestUsers.uniqueEmail("tokens"), PASSWORD);
        String token = (String) tokens.get("accessToken");
        String userId = (String) ((Map<?, ?>) tokens.get("user")).get("id");
        client.as(token).get("/api/v1/users/me").then().statusCode(200);

        long mark = ServerLog.mark();
        for (String bad : List.of(
                ForgedTokens.tampered(token),
                ForgedTokens.algNone(token),
                token.substring(0, token.length() - 4) + "AAAA",
                ForgedTokens.signedByServer(userId, List.of("ATTENDEE"), "https://eventix.local",
                        Instant.now().minusSeconds(120)),
                ForgedTokens.signedByServer(userId, List.of("ATTENDEE"), "https://someone-else.example",
                        Instant.now().plusSeconds(600)),
                "not-a-jwt")) {
            client.as(bad).get("/api/v1/users/me").then().statusCode(401)
                    .body("success", equalTo(false)).body("error.code", equalTo("UNAUTHORIZED"));
        }
        assertThat(ServerLog.awaitAfter(mark, "Exception trying to parse JWT token", Duration.ofSeconds(1)))
                .as("refused tokens are answered, not logged with a stack trace each").isFalse();
        api().get("/api/v1/users/me").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void aTokenIsVerifiedOnceAndRefusedFromTheMomentItExpires() throws Exception {
        Api client = api();
        Map<String, Object> tokens = client.registerAndLogin(TestUsers.uniqueEmail("token-once"), PASSWORD);
        String userId = (String) ((Map<?, ?>) tokens.get("user")).get("id");
        Instant expires = Instant.now().plusSeconds(5);
        String shortLived = ForgedTokens.signedByServer(userId, List.of("ATTENDEE"), "https://eventix.local", expires);

        double cachedBefore = tokenVerifications("cached");
        for (int i = 0; i < 3; i++) {
            client.as(shortLived).get("/api/v1/users/me").then().statusCode(200).body("data.id", equalTo(userId));
        }
        assertThat(tokenVerifications("cached") - cachedBefore).as("the token's later requests skip verification")
                .isGreaterThanOrEqualTo(2);
        client.as(ForgedTokens.tampered(shortLived)).get("/api/v1/users/me").then().statusCode(401);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expires).toMillis()) + 1_200);
        client.as(shortLived).get("/api/v1/users/me").then().statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"));
    }

    private double tokenVerifications(String result) {
        String metrics = api().get("/metrics").then().statusCode(200).extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "eventix_token_verifications_total\\{[^}]*result=\"" + result + "\"[^}]*} ([0-9.E+]+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void aWrongRoleIsForbidden() {
        Api attendee = api();
        String token = (String) attendee.registerAndLogin(TestUsers.uniqueEmail("role"), PASSWORD).get("accessToken");
        attendee.as(token).get("/api/v1/admin/audit-log").then().statusCode(403)
                .body("success", equalTo(false)).body("error.code", equalTo("FORBIDDEN"));
    }

    @Test
    void configuredAdminExistsAndTheAuditLogRecordsSensitiveActions() {
        Api client = api();
        String email = TestUsers.uniqueEmail("audited");
        Map<String, Object> tokens = client.registerAndLogin(email, PASSWORD);
        String userId = (String) ((Map<?, ?>) tokens.get("user")).get("id");
        client.post("/api/v1/auth/login", Map.of("email", email, "password", "wrong password")).then().statusCode(401);
        String r1 = (String) tokens.get("refreshToken");
        client.post("/api/v1/auth/refresh", Map.of("refreshToken", r1)).then().statusCode(200);
        client.post("/api/v1/auth/refresh", Map.of("refreshToken", r1)).then().statusCode(401);
        String r2 = (String) client.login(email, PASSWORD).get("refreshToken");
        client.post("/api/v1/auth/logout", Map.of("refreshToken", r2)).then().statusCode(200);

        Map<String, Object> admin = api().login(TestUsers.ADMIN_EMAIL, TestUsers.ADMIN_PASSWORD);
        assertThat(((Map<?, ?>) admin.get("user")).get("role")).isEqualTo("ADMIN");
        JsonPath log = api().as((String) admin.get("accessToken"))
                .request().queryParam("actorId", userId).queryParam("size", 50).get("/api/v1/admin/audit-log")
                .then().statusCode(200).extract().jsonPath();
        assertThat(log.getList("data.items.action", String.class)).contains("USER_REGISTERED", "LOGIN",
                "LOGIN_FAILED", "REFRESH_TOKEN_REUSE_DETECTED", "LOGOUT");
        assertThat(log.getList("data.items.ipAddress", String.class)).containsOnly(client.clientIp());
        assertThat(log.getInt("data.total")).isGreaterThanOrEqualTo(6);
        api().as((String) admin.get("accessToken")).request().queryParam("actorId", "not-a-uuid")
                .get("/api/v1/admin/audit-log").then().statusCode(400).body("error.code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void loginIsRateLimitedPerEmailWithRetryAfter() {
        Api client = api();
        String email = TestUsers.uniqueEmail("limited");
        client.post("/api/v1/auth/register", registration(email)).then().statusCode(201);
        List<Integer> statuses = new ArrayList<>();
        Response limited = null;
        for (int i = 0; i < 12; i++) {
            Response r = api().post("/api/v1/auth/login", Map.of("email", email, "password", "guess " + i));
            statuses.add(r.statusCode());
            if (r.statusCode() == 429) {
                limited = r;
            }
        }
        assertThat(statuses.subList(0, 10)).containsOnly(401);
        assertThat(statuses.subList(10, 12)).containsOnly(429);
        assertThat(limited.jsonPath().getString("error.code")).isEqualTo("RATE_LIMITED");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        // Even the right password waits until the window passes.
        api().post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD)).then().statusCode(429);
    }

    @Test
    void registrationIsRateLimitedPerClientAddress() {
        Api sameAddress = api();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(sameAddress.post("/api/v1/auth/register", registration(TestUsers.uniqueEmail("burst")))
                    .statusCode());
        }
        assertThat(statuses.subList(0, 10)).containsOnly(201);
        assertThat(statuses.subList(10, 12)).containsOnly(429);
        api().post("/api/v1/auth/register", registration(TestUsers.uniqueEmail("other"))).then().statusCode(201);
    }

    @Test
    void registrationIsRateLimitedPerEmail() {
        String email = TestUsers.uniqueEmail("probe");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(api().post("/api/v1/auth/register", registration(email)).statusCode());
        }
        assertThat(statuses).containsExactly(201, 409, 409, 409, 409, 429);
    }

    private static String id(Map<String, Object> signedIn) {
        return (String) ((Map<?, ?>) signedIn.get("user")).get("id");
    }

    @Test
    void theEmailIsVerifiedOnceWithTheMailedTokenAndForgedOrExpiredTokensAreRefused() throws Exception {
        Api client = api();
        String email = TestUsers.uniqueEmail("verify");
        Map<String, Object> tokens = client.registerAndLogin(email, PASSWORD);
        Api me = client.as((String) tokens.get("accessToken"));
        me.get("/api/v1/users/me").then().statusCode(200).body("data.emailVerified", equalTo(false));

        // The welcome mail carries the link; its token works once.
        String token = AccountMail.token(email, AccountMail.WELCOME);
        // A forgery differs from the token in its first character (which may itself be an "x").
        String forged = (token.charAt(0) == 'x' ? "y" : "x") + token.substring(1);
        client.post("/api/v1/auth/verify-email", Map.of("token", forged)).then().statusCode(400)
                .body("error.code", equalTo("INVALID_VERIFICATION_TOKEN"));
        client.post("/api/v1/auth/verify-email", Map.of("token", token)).then().statusCode(200)
                .body("data.id", equalTo(id(tokens))).body("data.emailVerified", equalTo(true));
        client.post("/api/v1/auth/verify-email", Map.of("token", token)).then().statusCode(400)
                .body("error.code", equalTo("INVALID_VERIFICATION_TOKEN"));
        me.get("/api/v1/users/me").then().body("data.emailVerified", equalTo(true));
        // Verified already: nothing more is sent.
        me.post("/api/v1/auth/verify-email/resend", Map.of()).then().statusCode(200);
        api().post("/api/v1/auth/verify-email/resend", Map.of()).then().statusCode(401);

        // A resent link that expired is refused, and the account stays unverified.
        String late = TestUsers.uniqueEmail("late");
        Map<String, Object> lateTokens = client.registerAndLogin(late, PASSWORD);
        Api lateMe = client.as((String) lateTokens.get("accessToken"));
        lateMe.post("/api/v1/auth/verify-email/resend", Map.of()).then().statusCode(202);
        String resent = AccountMail.token(late, AccountMail.VERIFY);
        Db.update("UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = ?::uuid",
                id(lateTokens));
        client.post("/api/v1/auth/verify-email", Map.of("token", resent)).then().statusCode(400)
                .body("error.code", equalTo("INVALID_VERIFICATION_TOKEN"));
        lateMe.get("/api/v1/users/me").then().body("data.emailVerified", equalTo(false));
    }

    @Test
    void theLinksInAccountMailsOpenPagesWhoseButtonDoesWhatTheMailSays() throws Exception {
        Api client = api();
        String email = TestUsers.uniqueEmail("pages");
        Api me = client.as((String) client.registerAndLogin(email, PASSWORD).get("accessToken"));

        String verifyLink = AccountMail.linkPath(email, AccountMail.WELCOME);
        String page = client.request().accept("text/html").get(verifyLink).then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertThat(page).contains("<form method=\"post\">").contains("Verify my email address")
                .contains("value=\"" + AccountMail.token(email, AccountMail.WELCOME) + "\"");
        me.get("/api/v1/users/me").then().body("data.emailVerified", equalTo(false));
        String path = verifyLink.substring(0, verifyLink.indexOf('?'));
        client.request().accept("text/html").formParam("token", AccountMail.token(email, AccountMail.WELCOME))
                .post(path).then().statusCode(200).body(containsString("Email address verified"));
        me.get("/api/v1/users/me").then().body("data.emailVerified", equalTo(true));
        client.request().accept("text/html").formParam("token", "<script>alert(1)</script>").post(path).then()
                .statusCode(400).contentType(containsString("text/html")).body(not(containsString("<script>")));

        client.post("/api/v1/auth/password-reset", Map.of("email", email)).then().statusCode(202);
        String resetLink = AccountMail.linkPath(email, AccountMail.RESET);
        String resetPath = resetLink.substring(0, resetLink.indexOf('?'));
        String token = AccountMail.token(email, AccountMail.RESET);
        assertThat(client.request().accept("text/html").get(resetLink).then().statusCode(200).extract().asString())
                .contains("name=\"newPassword\"").contains("value=\"" + token + "\"");
        client.request().accept("text/html").formParam("token", token).formParam("newPassword", "password")
                .post(resetPath).then().statusCode(400).body(containsString("Password not changed"));
        client.request().accept("text/html").formParam("token", token).formParam("newPassword", "a brand new passphrase")
                .post(resetPath).then().statusCode(200).body(containsString("Password changed"));
        assertThat(client.login(email, "a brand new passphrase")).containsKey("accessToken");
    }

    @Test
    void aPasswordResetMailsASingleUseTokenThatEndsEverySignIn() throws Exception {
        Api client = api();
        String email = TestUsers.uniqueEmail("reset");
        Map<String, Object> tokens = client.registerAndLogin(email, PASSWORD);
        String oldRefresh = (String) tokens.get("refreshToken");

        // Known and unknown addresses get the same answer.
        Response known = api().post("/api/v1/auth/password-reset", Map.of("email", email.toUpperCase()));
        Response unknown = api().post("/api/v1/auth/password-reset", Map.of("email", TestUsers.uniqueEmail("nobody")));
        known.then().statusCode(202);
        unknown.then().statusCode(202);
        assertThat(known.jsonPath().getString("message")).isEqualTo(unknown.jsonPath().getString("message"));
        assertThat(known.jsonPath().getMap("data")).isEqualTo(unknown.jsonPath().getMap("data"));

        String token = AccountMail.token(email, AccountMail.RESET);
        // A weak password is refused and leaves the token usable.
        client.post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", "password123"))
                .then().statusCode(400).body("error.code", equalTo("WEAK_PASSWORD"));
        client.post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", "a new passphrase"))
                .then().statusCode(200).body("success", equalTo(true));
        client.post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", "another passphrase"))
                .then().statusCode(400).body("error.code", equalTo("INVALID_RESET_TOKEN"));

        client.post("/api/v1/auth/refresh", Map.of("refreshToken", oldRefresh)).then().statusCode(401);
        client.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD)).then().statusCode(401);
        Map<String, Object> fresh = client.login(email, "a new passphrase");
        assertThat(((Map<?, ?>) fresh.get("user")).get("emailVerified")).as("reading the mail proved the address")
                .isEqualTo(true);

        // An expired link is refused.
        api().post("/api/v1/auth/password-reset", Map.of("email", email)).then().statusCode(202);
        String second = AccountMail.token(email, AccountMail.RESET, 2);
        Db.update("UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = ?::uuid "
                + "AND used_at IS NULL", id(tokens));
        client.post("/api/v1/auth/password-reset/confirm", Map.of("token", second, "newPassword", "third passphrase"))
                .then().statusCode(400).body("error.code", equalTo("INVALID_RESET_TOKEN"));
        client.post("/api/v1/auth/password-reset/confirm", Map.of("token", "made-up", "newPassword", "third passphrase"))
                .then().statusCode(400).body("error.code", equalTo("INVALID_RESET_TOKEN"));

        JsonPath log = admin().request().queryParam("actorId", id(tokens)).queryParam("size", 50)
                .get("/api/v1/admin/audit-log").then().statusCode(200).extract().jsonPath();
        assertThat(log.getList("data.items.action", String.class)).contains("PASSWORD_RESET_REQUESTED", "PASSWORD_RESET");
    }

    @Test
    void aSignInEndsAtItsMaximumAgeHoweverRecentlyItWasRefreshed() throws Exception {
        Api client = api();
        Map<String, Object> tokens = client.registerAndLogin(TestUsers.uniqueEmail("aged"), PASSWORD);
        String rotated = client.post("/api/v1/auth/refresh", Map.of("refreshToken", tokens.get("refreshToken")))
                .then().statusCode(200).extract().jsonPath().getString("data.refreshToken");
        // The sign-in started 30 days and a minute ago (SESSION_MAX_AGE is 30 days); its newest token is minutes old.
        Db.update("UPDATE refresh_tokens SET family_started_at = now() - interval '30 days 1 minute' "
                + "WHERE user_id = ?::uuid", id(tokens));
        client.post("/api/v1/auth/refresh", Map.of("refreshToken", rotated)).then().statusCode(401)
                .body("error.code", equalTo("SESSION_EXPIRED"));
        // A new sign-in starts a new lifetime.
        String again = (String) client.login((String) ((Map<?, ?>) tokens.get("user")).get("email"), PASSWORD)
                .get("refreshToken");
        client.post("/api/v1/auth/refresh", Map.of("refreshToken", again)).then().statusCode(200);
    }
}
