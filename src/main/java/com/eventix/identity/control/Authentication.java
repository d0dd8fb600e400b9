package com.eventix.identity.control;

import com.eventix.identity.entity.RefreshToken;
import com.eventix.identity.entity.User;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.audit.AuditLog;
import com.eventix.platform.audit.RequestOrigin;
import com.eventix.platform.redis.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Signing in with a password, refreshing, signing out. */
@ApplicationScoped
public class Authentication {
    @Inject
    Users users;
    @Inject
    PasswordHasher hasher;
    @Inject
    SessionTokens tokens;
    @Inject
    RateLimiter rateLimiter;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "RATE_LIMIT_LOGIN_PER_IP")
    int loginPerIp;
    @Inject
    @ConfigProperty(name = "RATE_LIMIT_LOGIN_PER_EMAIL")
    int loginPerEmail;
    @Inject
    @ConfigProperty(name = "RATE_LIMIT_WINDOW")
    Duration window;

    /**
     * Unknown email and wrong password answer the same, after the same amount of hashing work, so that
     * the answer does not tell which accounts exist. Runs outside a transaction up to the password check: the
     * account is read with a connection released at once, so no pooled connection is held while the hash waits
     * for the hashing bulkhead or runs; the sign-in itself is written in a short transaction afterwards.
     */
    public SignedIn login(String email, String password, RequestOrigin origin) {
        String normalized = User.normalizeEmail(email);
        rateLimiter.acquire("login-ip", origin.ip(), loginPerIp, window);
        rateLimiter.acquire("login-email", normalized, loginPerEmail, window);
        User user = users.byEmail(normalized).orElse(null);
        boolean matches = hasher.verify(password, user == null ? null : user.passwordHash());
        if (!matches) {
            audit.failure(user == null ? null : user.id(), "LOGIN_FAILED", "user", user == null ? null : user.id(),
                    origin, user == null ? "unknown email" : "wrong password");
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "Email or password is incorrect");
        }
        if (!user.isActive()) {
            audit.failure(user.id(), "LOGIN_REFUSED", "user", user.id(), origin, "account " + user.status());
            throw new ApiException(ErrorCode.ACCOUNT_DISABLED, "This account is disabled");
        }
        SignedIn signedIn = tokens.open(user);
        audit.success(user.id(), "LOGIN", "user", user.id(), origin, null);
        return signedIn;
    }

    /**
     * Spends a refresh token for a new pair. A token presented twice was copied: the whole family is revoked
     * (the thief's and the owner's sessions end; the owner signs in again).
     */
    @Transactional(dontRollbackOn = ApiException.class)
    public SignedIn refresh(String rawToken, RequestOrigin origin) {
        RefreshToken token = tokens.findForUpdate(rawToken)
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_REFRESH_TOKEN, "Refresh token is not valid"));
        RefreshToken.Rejection rejection = token.use(clock.instant(), tokens.sessionMaxAge());
        if (rejection == RefreshToken.Rejection.REUSED) {
            int revoked = tokens.revokeFamily(token.familyId());
            audit.failure(token.userId(), "REFRESH_TOKEN_REUSE_DETECTED", "token_family", token.familyId(), origin,
                    revoked + " live tokens revoked");
            throw new ApiException(ErrorCode.REFRESH_TOKEN_REUSED,
                    "Refresh token was already used; all sessions of this sign-in were ended");
        }
        if (rejection == RefreshToken.Rejection.SESSION_EXPIRED) {
            tokens.revokeFamily(token.familyId());
            audit.failure(token.userId(), "SESSION_EXPIRED", "token_family", token.familyId(), origin, null);
            throw new ApiException(ErrorCode.SESSION_EXPIRED, "This sign-in is too old; sign in again");
        }
        if (rejection != null) {
            throw new ApiException(ErrorCode.INVALID_REFRESH_TOKEN, "Refresh token is " + rejection.name().toLowerCase());
        }
        User user = users.get(token.userId());
        if (!user.isActive()) {
            tokens.revokeFamily(token.familyId());
            throw new ApiException(ErrorCode.ACCOUNT_DISABLED, "This account is disabled");
        }
        return tokens.next(user, token.familyId(), token.familyStartedAt());
    }

    /** Ends the sign-in the refresh token belongs to. Unknown tokens are ignored: logout always succeeds. */
    @Transactional
    public void logout(String rawToken, RequestOrigin origin) {
        tokens.findForUpdate(rawToken).ifPresent(token -> {
            tokens.revokeFamily(token.familyId());
            audit.success(token.userId(), "LOGOUT", "token_family", token.familyId(), origin, null);
        });
    }
}
