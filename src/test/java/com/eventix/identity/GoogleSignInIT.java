package com.eventix.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.eventix.testing.Api;
import com.eventix.testing.IntegrationTest;
import com.eventix.testing.SuiteServices;
import com.eventix.testing.TestUsers;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;

/**
 * "Sign in with Google" end to end against a real OpenID Connect provider running locally: the browser's
 * redirects are followed by hand, the provider checks PKCE and signs the ID token.
 */
class GoogleSignInIT extends IntegrationTest {

    /** The claims the provider signs into the next authorization's ID token. */
    private DefaultOAuth2TokenCallback nextSignIn;

    /** The provider will sign the next ID token with these claims. */
    private void providerWillSignIn(String subject, String email, boolean verified) {
        nextSignIn = new DefaultOAuth2TokenCallback("google", subject, "JWT",
                java.util.List.of(SuiteServices.GOOGLE_CLIENT_ID),
                Map.of("email", email, "email_verified", verified, "given_name", "Gita", "family_name", "Google"),
                3600);
    }

    /**
     * Follows the flow as a browser would, up to the redirect back to Eventix; answers code and state. The
     * provider's queue of claims is global, so they are queued only once the provider is about to be asked: a
     * start that fails leaves nothing behind for the next test.
     */
    private Map<String, String> authorize(Api client) {
        Response start = start(client);
        assertThat(start.statusCode()).isIn(302, 303);
        services().oidc.enqueueCallback(nextSignIn);
        URI authorize = URI.create(start.header("Location"));
        assertThat(authorize.getQuery()).contains("code_challenge_method=S256").contains("state=").contains("nonce=")
                .contains("client_id=" + SuiteServices.GOOGLE_CLIENT_ID);
        Response provider = RestAssured.given().urlEncodingEnabled(false).redirects().follow(false).get(authorize);
        assertThat(provider.statusCode()).isIn(302, 303);
        URI back = URI.create(provider.header("Location"));
        return Arrays.stream(back.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> java.net.URLDecoder.decode(p[1], java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * The first start on a server fetches the provider's discovery document; while the machine is busy starting
     * other servers that fetch can time out, and the user is asked to try again (502 OAUTH_PROVIDER_ERROR), as
     * this client does, twice at most.
     */
    private Response start(Api client) {
        Response start = client.get("/api/v1/auth/oauth/google");
        for (int retry = 0; retry < 2 && start.statusCode() == 502; retry++) {
            assertThat(start.jsonPath().getString("error.code")).isEqualTo("OAUTH_PROVIDER_ERROR");
            start = client.get("/api/v1/auth/oauth/google");
        }
        return start;
    }

    private Response callback(Api client, Map<String, String> params) {
        return client.request().queryParam("code", params.get("code")).queryParam("state", params.get("state"))
                .get("/api/v1/auth/oauth/google/callback");
    }

    @Test
    void firstSignInCreatesAnAttendeeAndTheNextFindsTheSameAccount() {
        Api client = api();
        String email = TestUsers.uniqueEmail("google");
        providerWillSignIn("google-sub-" + email, email, true);
        JsonPath first = callback(client, authorize(client)).then().statusCode(200).extract().jsonPath();
        assertThat(first.getString("data.user.email")).isEqualTo(email);
        assertThat(first.getString("data.user.role")).isEqualTo("ATTENDEE");
        assertThat(first.getBoolean("data.user.googleLinked")).isTrue();
        assertThat(first.getBoolean("data.user.emailVerified")).as("Google verified it").isTrue();
        client.as(first.getString("data.accessToken")).get("/api/v1/users/me").then().statusCode(200)
                .body("data.firstName", equalTo("Gita"));

        providerWillSignIn("google-sub-" + email, email, true);
        JsonPath second = callback(client, authorize(client)).then().statusCode(200).extract().jsonPath();
        assertThat(second.getString("data.user.id")).isEqualTo(first.getString("data.user.id"));
        client.post("/api/v1/auth/refresh", Map.of("refreshToken", second.getString("data.refreshToken")))
                .then().statusCode(200);
    }

    @Test
    void aVerifiedGoogleEmailLinksToTheExistingAccountOnceItsEmailIsVerified() throws Exception {
        Api client = api();
        String email = TestUsers.uniqueEmail("linked");
        Map<String, Object> password = client.registerAndLogin(email, "a fine passphrase");
        String userId = (String) ((Map<?, ?>) password.get("user")).get("id");
        client.post("/api/v1/auth/verify-email", Map.of("token", AccountMail.token(email, AccountMail.WELCOME)))
                .then().statusCode(200);

        providerWillSignIn("google-sub-" + email, email, true);
        callback(client, authorize(client)).then().statusCode(200)
                .body("data.user.id", equalTo(userId)).body("data.user.googleLinked", equalTo(true))
                .body("data.user.emailVerified", equalTo(true));
        client.login(email, "a fine passphrase");
    }

    /**
     * A squatter registers the victim's address with a password of their own. When the victim signs in with
     * Google, the unverified account is not linked (the squatter's password would keep working on it) and the
     * answer says why; once the victim resets the password through the mailbox, the squatter is out and Google
     * links.
     */
    @Test
    void googleSignInNeverLinksToAnAccountWhoseEmailIsUnverified() throws Exception {
        Api squatter = api();
        String email = TestUsers.uniqueEmail("victim");
        Map<String, Object> squatted = squatter.registerAndLogin(email, "squatters passphrase");
        String userId = (String) ((Map<?, ?>) squatted.get("user")).get("id");

        Api victim = api();
        providerWillSignIn("victim-sub-" + email, email, true);
        JsonPath refused = callback(victim, authorize(victim)).then().statusCode(409)
                .body("error.code", equalTo("ACCOUNT_EMAIL_UNVERIFIED")).extract().jsonPath();
        assertThat(refused.getString("error.message")).contains("verif").contains("password");
        squatter.as((String) squatted.get("accessToken")).get("/api/v1/users/me").then().statusCode(200)
                .body("data.googleLinked", equalTo(false)).body("data.emailVerified", equalTo(false));

        // The victim proves the address by resetting the password; the squatter's password and sign-in end.
        victim.post("/api/v1/auth/password-reset", Map.of("email", email)).then().statusCode(202);
        victim.post("/api/v1/auth/password-reset/confirm", Map.of("token", AccountMail.token(email, AccountMail.RESET),
                "newPassword", "the owners own passphrase")).then().statusCode(200);
        squatter.post("/api/v1/auth/refresh", Map.of("refreshToken", squatted.get("refreshToken"))).then().statusCode(401);
        squatter.post("/api/v1/auth/login", Map.of("email", email, "password", "squatters passphrase"))
                .then().statusCode(401);

        providerWillSignIn("victim-sub-" + email, email, true);
        callback(victim, authorize(victim)).then().statusCode(200)
                .body("data.user.id", equalTo(userId)).body("data.user.googleLinked", equalTo(true));
    }

    @Test
    void anUnverifiedGoogleEmailDoesNotTakeOverAnAccount() {
        Api client = api();
        String email = TestUsers.uniqueEmail("unverified");
        client.registerAndLogin(email, "a fine passphrase");
        providerWillSignIn("attacker-sub-" + email, email, false);
        callback(client, authorize(client)).then().statusCode(403).body("error.code", equalTo("OAUTH_EMAIL_NOT_VERIFIED"));
    }

    @Test
    void aStateIsGoodForOneCallbackOnly() {
        Api client = api();
        String email = TestUsers.uniqueEmail("replay");
        providerWillSignIn("google-sub-" + email, email, true);
        Map<String, String> params = authorize(client);
        callback(client, params).then().statusCode(200);
        callback(client, params).then().statusCode(400).body("error.code", equalTo("INVALID_OAUTH_STATE"));
        callback(client, Map.of("code", "x", "state", "forged")).then().statusCode(400)
                .body("error.code", equalTo("INVALID_OAUTH_STATE"));
    }
}
