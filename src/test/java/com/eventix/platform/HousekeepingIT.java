package com.eventix.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.eventix.testing.Api;
import com.eventix.testing.Db;
import com.eventix.testing.IntegrationTest;
import com.eventix.testing.Mailbox;
import com.eventix.testing.ServerLog;
import com.eventix.testing.SharedPayaraMicro;
import com.eventix.testing.SharedServices;
import com.eventix.testing.TestUsers;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * What keeps a long-running deployment healthy: retention sweeps delete the rows nobody needs any more (and only
 * those), and a message that can never be handled is set aside as dead instead of holding up the others.
 * The suite runs the sweep every second, and lets an outbox message fail 3 times, one second apart at first.
 */
// It counts a message's delivery attempts, which another class's broker stop would add to.
@ResourceLock(SharedServices.BROKER)
class HousekeepingIT extends IntegrationTest {
    private static final int MAX_ATTEMPTS = 3;

    private static String ago(Duration d) {
        return Instant.now().minus(d).toString();
    }

    private static String ahead(Duration d) {
        return Instant.now().plus(d).toString();
    }

    private static boolean exists(String table, String where, String arg) throws SQLException {
        return Db.integer("SELECT count(*) FROM " + table + " WHERE " + where, arg) > 0;
    }

    @Test
    void sweepsDeleteOldRowsOfEveryGrowingTableAndKeepWhatIsStillNeeded() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String userId = (String) ((Map<?, ?>) api().registerAndLogin(TestUsers.uniqueEmail("sweep"), "sweep passphrase")
                .get("user")).get("id");

        // OpenID login attempts: kept a day after they expired.
        oauthAttempt("old-" + tag, ago(Duration.ofDays(2)));
        oauthAttempt("recent-" + tag, ago(Duration.ofHours(1)));
        oauthAttempt("live-" + tag, ahead(Duration.ofMinutes(10)));
        // Refresh tokens: a family wholly expired over 7 days ago goes; a spent token of a family that can still be
        // refreshed stays (its reuse must still revoke the family), and so does a recently expired one.
        String deadFamily = UUID.randomUUID().toString();
        String liveFamily = UUID.randomUUID().toString();
        refreshToken("gone-1-" + tag, userId, deadFamily, ago(Duration.ofDays(30)), true);
        refreshToken("gone-2-" + tag, userId, deadFamily, ago(Duration.ofDays(10)), false);
        // The live family's current token first: a sweep between the two inserts must already see the family live.
        refreshToken("current-" + tag, userId, liveFamily, ahead(Duration.ofDays(5)), false);
        refreshToken("spent-" + tag, userId, liveFamily, ago(Duration.ofDays(30)), true);
        refreshToken("lately-" + tag, userId, UUID.randomUUID().toString(), ago(Duration.ofDays(2)), false);
        // Idempotency keys: replayable for 24 hours.
        idempotencyKey(userId, "old-" + tag, ago(Duration.ofDays(2)));
        idempotencyKey(userId, "recent-" + tag, ago(Duration.ofHours(2)));
        // Webhook receipts: 30 days, well past the providers' retries.
        Db.update("INSERT INTO webhook_events (provider, provider_event_id, received_at) VALUES "
                + "('stripe', ?, ?::timestamptz), ('stripe', ?, ?::timestamptz)",
                "evt_old_" + tag, ago(Duration.ofDays(40)), "evt_retry_" + tag, ago(Duration.ofDays(3)));
        // Verification and reset tokens: a day past their expiry.
        accountToken(userId, "old-" + tag, ago(Duration.ofDays(2)));
        accountToken(userId, "live-" + tag, Instant.now().plus(Duration.ofHours(1)).toString());
        // Outbox: published rows for 7 days; a dead one until an operator deals with it.
        outbox("published-old-" + tag, ago(Duration.ofDays(8)), null);
        outbox("published-recent-" + tag, ago(Duration.ofDays(1)), null);
        outbox("dead-" + tag, null, ago(Duration.ofDays(60)));

        Instant deadline = Instant.now().plusSeconds(30);
        while (exists("oauth_login_attempts", "state = ?", "old-" + tag)
                || exists("refresh_tokens", "token_hash LIKE ?", "gone-%" + tag + "%")
                || exists("idempotency_keys", "idempotency_key = ?", "old-" + tag)
                || exists("webhook_events", "provider_event_id = ?", "evt_old_" + tag)
                || exists("account_tokens", "token_hash LIKE ?", "old-" + tag + "%")
                || exists("outbox_messages", "payload LIKE ?", "%published-old-" + tag + "%")) {
            assertThat(Instant.now()).as("old rows swept").isBefore(deadline);
            Thread.sleep(250);
        }
        assertThat(exists("oauth_login_attempts", "state = ?", "recent-" + tag)).isTrue();
        assertThat(exists("oauth_login_attempts", "state = ?", "live-" + tag)).isTrue();
        assertThat(exists("refresh_tokens", "token_hash LIKE ?", "spent-%" + tag + "%")).isTrue();
        assertThat(exists("refresh_tokens", "token_hash LIKE ?", "current-%" + tag + "%")).isTrue();
        assertThat(exists("refresh_tokens", "token_hash LIKE ?", "lately-%" + tag + "%")).isTrue();
        assertThat(exists("idempotency_keys", "idempotency_key = ?", "recent-" + tag)).isTrue();
        assertThat(exists("webhook_events", "provider_event_id = ?", "evt_retry_" + tag)).isTrue();
        assertThat(exists("account_tokens", "token_hash LIKE ?", "live-" + tag + "%")).isTrue();
        assertThat(exists("outbox_messages", "payload LIKE ?", "%published-recent-" + tag + "%")).isTrue();
        assertThat(exists("outbox_messages", "payload LIKE ?", "%dead-" + tag + "%")).isTrue();
    }

    @Test
    void aMessageThatAlwaysFailsEndsDeadAfterItsAttemptsWhileLaterOnesAreDelivered() throws Exception {
        long mark = ServerLog.mark();
        String poison = UUID.randomUUID().toString();
        // A message no consumer can read (as one written by a broken release would be), queued first.
        Db.update("INSERT INTO outbox_messages (id, destination, payload, created_at) VALUES (?::uuid, "
                + "'eventix.notifications', 'not json at all', now())", poison);
        Thread.sleep(200);
        String email = TestUsers.uniqueEmail("behind");
        api().post("/api/v1/auth/register", Map.of("email", email, "password", "a fine passphrase",
                "firstName", "Bea", "lastName", "Behind")).then().statusCode(201);

        assertThat(Mailbox.await(email, Duration.ofSeconds(20))).as("the message behind it is delivered").isPresent();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Db.integer("SELECT count(*) FROM outbox_messages WHERE id = ?::uuid AND dead_at IS NOT NULL",
                poison) == 0) {
            assertThat(Instant.now()).as("the poison message ends dead").isBefore(deadline);
            Thread.sleep(250);
        }
        assertThat(Db.integer("SELECT attempts FROM outbox_messages WHERE id = ?::uuid", poison))
                .isEqualTo(MAX_ATTEMPTS);
        assertThat(Db.integer("SELECT count(*) FROM outbox_messages WHERE id = ?::uuid AND published_at IS NULL "
                + "AND last_error LIKE '%handling failed%'", poison)).isEqualTo(1);
        assertThat(ServerLog.awaitAfter(mark, "DEAD LETTER: outbox message " + poison, Duration.ofSeconds(5)))
                .as("logged loudly").isTrue();
        Thread.sleep(3000);
        assertThat(Db.integer("SELECT attempts FROM outbox_messages WHERE id = ?::uuid AND dead_at IS NOT NULL",
                poison)).as("never tried again, never swept").isEqualTo(MAX_ATTEMPTS);
        // Counted by the instance where it died: with the suite's second instance up, either of the two.
        assertThat(SharedPayaraMicro.running().stream()
                .map(server -> RestAssured.get(server.resolve("metrics")).then().statusCode(200).extract().asString())
                .toList()).anySatisfy(metrics ->
                        assertThat(metrics).containsPattern("eventix_outbox_dead_letters_total(\\{[^}]*})? [1-9]"));

        // An admin reads it, has it sent again (it fails all its attempts once more), then discards it.
        Api admin = admin();
        String mine = "data.items.find { it.id == '" + poison + "' }";
        JsonPath dead = admin.get("/api/v1/admin/dead-letters?size=100").then().statusCode(200).extract().jsonPath();
        assertThat(dead.getString(mine + ".destination")).isEqualTo("eventix.notifications");
        assertThat(dead.getInt(mine + ".attempts")).isEqualTo(MAX_ATTEMPTS);
        assertThat(dead.getString(mine + ".lastError")).contains("handling failed");
        assertThat(dead.getString(mine + ".payload")).isEqualTo("not json at all");
        api().get("/api/v1/admin/dead-letters").then().statusCode(401);
        String requeue = "/api/v1/admin/dead-letters/" + poison + "/requeue";
        admin.post(requeue, Map.of()).then().statusCode(200).body("data.attempts", equalTo(0))
                .body("data.deadAt", nullValue());
        admin.post(requeue, Map.of()).then().statusCode(409).body("error.code", equalTo("INVALID_STATE_TRANSITION"));
        deadline = Instant.now().plusSeconds(60);
        while (Db.integer("SELECT count(*) FROM outbox_messages WHERE id = ?::uuid AND dead_at IS NOT NULL "
                + "AND attempts = " + MAX_ATTEMPTS, poison) == 0) {
            assertThat(Instant.now()).as("tried again, all its attempts").isBefore(deadline);
            Thread.sleep(250);
        }
        admin.request().delete("/api/v1/admin/dead-letters/" + poison).then().statusCode(200)
                .body("data.id", equalTo(poison));
        assertThat(Db.integer("SELECT count(*) FROM outbox_messages WHERE id = ?::uuid", poison)).isZero();
        admin.request().delete("/api/v1/admin/dead-letters/" + poison).then().statusCode(404);
        admin.post("/api/v1/admin/dead-letters/" + UUID.randomUUID() + "/requeue", Map.of()).then().statusCode(404);
        assertThat(Db.rows("SELECT action FROM audit_log WHERE resource_type = 'message' AND resource_id = ? "
                + "ORDER BY created_at", poison)).containsExactly("DEAD_LETTER_REQUEUED", "DEAD_LETTER_DISCARDED");
    }

    private static void oauthAttempt(String state, String expiresAt) throws SQLException {
        Db.update("INSERT INTO oauth_login_attempts (state, provider, code_verifier, nonce, expires_at) "
                + "VALUES (?, 'google', 'verifier', 'nonce', ?::timestamptz)", state, expiresAt);
    }

    private static void refreshToken(String name, String userId, String family, String expiresAt, boolean used)
            throws SQLException {
        String hash = (name + "-" + "0".repeat(64)).substring(0, 64);
        Db.update("INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at, used_at, created_at, "
                + "family_started_at) VALUES (gen_random_uuid(), ?::uuid, ?::uuid, ?, ?::timestamptz, ?::timestamptz, "
                + "now() - interval '40 days', now() - interval '40 days')", userId, family, hash, expiresAt, used ? ago(Duration.ofDays(35)) : null);
    }

    private static void accountToken(String userId, String name, String expiresAt) throws SQLException {
        Db.update("INSERT INTO account_tokens (id, user_id, purpose, token_hash, expires_at) VALUES "
                + "(gen_random_uuid(), ?::uuid, 'RESET_PASSWORD', ?, ?::timestamptz)", userId,
                (name + "-" + "0".repeat(64)).substring(0, 64), expiresAt);
    }

    private static void idempotencyKey(String userId, String key, String createdAt) throws SQLException {
        Db.update("INSERT INTO idempotency_keys (user_id, scope, idempotency_key, request_hash, response_status, "
                + "response_body, created_at) VALUES (?::uuid, 'reserve', ?, ?, 201, '{}', ?::timestamptz)",
                userId, key, "0".repeat(64), createdAt);
    }

    private static void outbox(String marker, String publishedAt, String deadAt) throws SQLException {
        Db.update("INSERT INTO outbox_messages (id, destination, payload, attempts, created_at, published_at, dead_at, "
                + "last_error) VALUES (gen_random_uuid(), 'eventix.test', ?, ?::int, now() - interval '90 days', "
                + "?::timestamptz, ?::timestamptz, ?)", "{\"marker\":\"" + marker + "\"}",
                deadAt == null ? "0" : "10", publishedAt, deadAt, deadAt == null ? null : "it kept failing");
    }
}
