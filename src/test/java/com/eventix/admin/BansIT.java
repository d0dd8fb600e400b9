package com.eventix.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.eventix.testing.Api;
import com.eventix.testing.Db;
import com.eventix.testing.IntegrationTest;
import com.eventix.testing.Organizer;
import com.eventix.testing.TestUsers;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An admin bans an account with live sessions: its access token is refused at once, its refresh token and sign-in
 * too, its holds go back on sale; unbanning lets it sign in again. Who may ban whom, finding accounts, and the audit.
 */
class BansIT extends IntegrationTest {
    private static final String PASSWORD = "banned passphrase";

    @Test
    void aBanEndsEverySignInReleasesHoldsAndAnUnbanLetsTheAccountBackIn() throws Exception {
        Api admin = admin();
        Organizer organizer = Organizer.verified(api(), admin, "bans");
        String eventId = organizer.published(admin, Organizer.eventBody("Ban night", "music", "",
                Instant.now().plus(20, ChronoUnit.DAYS)), "20.00");
        String tierId = organizer.event(eventId).getString("data.tiers[0].id");
        int stock = Db.available(tierId);

        String email = TestUsers.uniqueEmail("troll");
        Api anonymous = api();
        Map<String, Object> tokens = anonymous.registerAndLogin(email, PASSWORD);
        Api troll = anonymous.as((String) tokens.get("accessToken"));
        String userId = (String) ((Map<?, ?>) tokens.get("user")).get("id");
        troll.post("/api/v1/tickets/reserve", Map.of("tierId", tierId, "quantity", 2)).then().statusCode(201);
        assertThat(Db.available(tierId)).isEqualTo(stock - 2);

        admin.post("/api/v1/admin/users/" + userId + "/ban", Map.of()).then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_FAILED"));
        admin.post("/api/v1/admin/users/" + userId + "/ban", Map.of("reason", "Scalping bots"))
                .then().statusCode(200).body("data.status", equalTo("BANNED"))
                .body("data.banReason", equalTo("Scalping bots"));

        troll.get("/api/v1/users/me").then().statusCode(403).body("error.code", equalTo("ACCOUNT_DISABLED"));
        troll.post("/api/v1/tickets/reserve", Map.of("tierId", tierId, "quantity", 1)).then().statusCode(403);
        anonymous.post("/api/v1/auth/refresh", Map.of("refreshToken", tokens.get("refreshToken")))
                .then().statusCode(org.hamcrest.Matchers.oneOf(401, 403));
        anonymous.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD)).then().statusCode(403)
                .body("error.code", equalTo("ACCOUNT_DISABLED"));
        awaitStock(tierId, stock);
        assertThat(Db.rows("SELECT status FROM reservations WHERE user_id = ?::uuid", userId)).containsOnly("RELEASED");

        admin.post("/api/v1/admin/users/" + userId + "/ban", Map.of("reason", "again")).then().statusCode(409)
                .body("error.code", equalTo("INVALID_STATE_TRANSITION"));
        JsonPath found = admin.get("/api/v1/admin/users?status=BANNED&q=" + email.substring(0, 14).toUpperCase())
                .then().statusCode(200).extract().jsonPath();
        assertThat(found.getList("data.items.id", String.class)).containsExactly(userId);
        assertThat(admin.get("/api/v1/admin/users?q=" + email.substring(0, 14) + "&status=ACTIVE").then().statusCode(200)
                .extract().jsonPath().getList("data.items")).isEmpty();
        assertThat(admin.get("/api/v1/admin/users?q=%25_%25").then().statusCode(200).extract().jsonPath()
                .getList("data.items")).as("wildcards are literal").isEmpty();
        admin.get("/api/v1/admin/users/" + userId).then().statusCode(200).body("data.email", equalTo(email))
                .body("data.status", equalTo("BANNED"));

        admin.post("/api/v1/admin/users/" + userId + "/unban", Map.of()).then().statusCode(200)
                .body("data.status", equalTo("ACTIVE"));
        admin.post("/api/v1/admin/users/" + userId + "/unban", Map.of()).then().statusCode(409);
        anonymous.post("/api/v1/auth/refresh", Map.of("refreshToken", tokens.get("refreshToken")))
                .then().statusCode(401);
        Api back = anonymous.as((String) anonymous.login(email, PASSWORD).get("accessToken"));
        back.get("/api/v1/users/me").then().statusCode(200);
        assertThat(Db.rows("SELECT action FROM audit_log WHERE resource_id = ? ORDER BY created_at", userId))
                .contains("USER_BANNED", "USER_UNBANNED");
    }

    @Test
    void onlyAdminsBanAndNeverThemselves() throws Exception {
        Api admin = admin();
        String adminId = Db.rows("SELECT id FROM users WHERE email = ?", TestUsers.ADMIN_EMAIL).get(0);
        admin.post("/api/v1/admin/users/" + adminId + "/ban", Map.of("reason", "oops")).then().statusCode(409)
                .body("error.code", equalTo("BAN_NOT_ALLOWED")).body("error.details.reason", equalTo("SELF"));
        admin.post("/api/v1/admin/users/" + UUID.randomUUID() + "/ban", Map.of("reason", "x")).then().statusCode(404);
        admin.post("/api/v1/admin/users/null/ban", Map.of("reason", "x")).then().statusCode(400);
        Api attendee = TestUsers.signedIn(1, i -> api(), "would-be-admin", PASSWORD).get(0);
        attendee.post("/api/v1/admin/users/" + adminId + "/ban", Map.of("reason", "coup")).then().statusCode(403);
        attendee.get("/api/v1/admin/users").then().statusCode(403);
        api().get("/api/v1/admin/users").then().statusCode(401);
        admin.get("/api/v1/admin/users?status=GONE").then().statusCode(400);
        admin.get("/api/v1/admin/users?size=1000").then().statusCode(400);
    }

    private static void awaitStock(String tierId, int stock) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Db.available(tierId) != stock) {
            assertThat(Instant.now()).as("the banned user's holds go back on sale").isBefore(deadline);
            Thread.sleep(200);
        }
    }
}
