package com.eventix.identity.control;

import java.util.Optional;
import com.eventix.identity.entity.OAuthLoginAttempt;
import com.eventix.identity.entity.User;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.audit.AuditLog;
import com.eventix.platform.audit.RequestOrigin;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Sign in with Google": the OpenID Connect authorization-code flow with state, nonce and PKCE (S256) against a
 * configurable issuer (Google by default). The callback links the Google identity to the account with the same
 * email when Google verified that email and the account verified it too, or opens a new attendee account. An
 * account whose email was never verified is not linked (409 ACCOUNT_EMAIL_UNVERIFIED): whoever registered the
 * address first, without owning it, would otherwise keep a password to its real owner's account.
 */
@ApplicationScoped
public class GoogleSignIn {
    static final String PROVIDER = "google";
    private static final Duration ATTEMPT_LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    OidcClient oidc;
    @Inject
    Users users;
    @Inject
    SessionTokens tokens;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "GOOGLE_CLIENT_ID")
    Optional<String> clientId;
    @Inject
    @ConfigProperty(name = "GOOGLE_REDIRECT_URL")
    String redirectUrl;

    /** Records a new attempt and answers the provider URL to send the browser to. */
    @Transactional
    public URI start() {
        requireConfigured();
        String state = randomToken();
        String verifier = randomToken();
        String nonce = randomToken();
        Instant now = clock.instant();
        em.persist(new OAuthLoginAttempt(state, PROVIDER, verifier, nonce, now, now.plus(ATTEMPT_LIFETIME)));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId.get());
        query.put("redirect_uri", redirectUrl);
        query.put("scope", "openid email profile");
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        String endpoint = oidc.metadata().authorizationEndpoint();
        return URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + form(query));
    }

    /** Finishes the flow the provider redirected back from; the attempt is consumed whatever the outcome. */
    @Transactional(dontRollbackOn = ApiException.class)
    public SignedIn complete(String code, String state, RequestOrigin origin) {
        requireConfigured();
        OAuthLoginAttempt attempt = state == null ? null
                : em.find(OAuthLoginAttempt.class, state, LockModeType.PESSIMISTIC_WRITE);
        if (attempt == null) {
            throw new ApiException(ErrorCode.INVALID_OAUTH_STATE, "Unknown or already used sign-in attempt");
        }
        em.remove(attempt);
        if (attempt.isExpired(clock.instant())) {
            throw new ApiException(ErrorCode.INVALID_OAUTH_STATE, "The sign-in attempt expired; start again");
        }
        if (code == null || code.isBlank()) {
            throw new ApiException(ErrorCode.INVALID_OAUTH_STATE, "The provider returned no authorization code");
        }
        String idToken = oidc.exchangeCode(code, redirectUrl, attempt.codeVerifier());
        JWTClaimsSet claims = verify(idToken, attempt.nonce());
        User user = link(claims, origin);
        if (!user.isActive()) {
            throw new ApiException(ErrorCode.ACCOUNT_DISABLED, "This account is disabled");
        }
        audit.success(user.id(), "LOGIN", "user", user.id(), origin, "google");
        return tokens.open(user);
    }

    private User link(JWTClaimsSet claims, RequestOrigin origin) {
        String subject = claims.getSubject();
        Instant now = clock.instant();
        var bySubject = users.byGoogleSubject(subject);
        if (bySubject.isPresent()) {
            return bySubject.get();
        }
        String email = stringClaim(claims, "email");
        boolean verified = Boolean.TRUE.equals(claims.getClaim("email_verified"))
                || "true".equals(String.valueOf(claims.getClaim("email_verified")));
        if (email == null || !verified) {
            throw new ApiException(ErrorCode.OAUTH_EMAIL_NOT_VERIFIED, "Google did not confirm a verified email address");
        }
        var byEmail = users.byEmail(email);
        if (byEmail.isPresent()) {
            User user = byEmail.get();
            if (user.googleSubject() != null) {
                throw new ApiException(ErrorCode.CONFLICT, "This account is linked to another Google identity");
            }
            if (!user.isEmailVerified()) {
                audit.failure(user.id(), "GOOGLE_LINK_REFUSED", "user", user.id(), origin, "email not verified");
                throw new ApiException(ErrorCode.ACCOUNT_EMAIL_UNVERIFIED,
                        "An Eventix account with this email exists, but its email address was never verified, so "
                                + "Google sign-in was not linked to it. Sign in with its password and verify the "
                                + "email (or reset the password by email), then sign in with Google again.");
            }
            user.linkGoogle(subject, now);
            return user;
        }
        String given = stringClaim(claims, "given_name");
        String family = stringClaim(claims, "family_name");
        User user = User.fromGoogle(email, subject, given == null ? email.split("@")[0] : given,
                family == null ? "" : family, now);
        em.persist(user);
        // Insert the user before its refresh token (no mapped relation tells EclipseLink the order).
        em.flush();
        return user;
    }

    private JWTClaimsSet verify(String idToken, String nonce) {
        OidcClient.Metadata metadata = oidc.metadata();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, oidc.keys()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(clientId.get(),
                new JWTClaimsSet.Builder().issuer(metadata.issuer()).claim("nonce", nonce).build(),
                Set.of("sub", "exp", "iat")));
        try {
            return processor.process(idToken, null);
        } catch (Exception e) {
            throw new ApiException(ErrorCode.OAUTH_PROVIDER_ERROR, "The ID token from Google is not valid");
        }
    }

    private void requireConfigured() {
        if (clientId.isEmpty()) {
            throw new ApiException(ErrorCode.OAUTH_NOT_CONFIGURED, "Google sign-in is not configured");
        }
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
