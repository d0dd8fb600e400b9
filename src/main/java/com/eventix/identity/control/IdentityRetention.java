package com.eventix.identity.control;

import com.eventix.platform.retention.RetentionRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What the retention sweep may delete of identity's tables. */
@ApplicationScoped
public class IdentityRetention {
    /** How long after its expiry an OpenID login attempt is kept (it can no longer complete). */
    @Inject
    @ConfigProperty(name = "RETENTION_OAUTH_ATTEMPTS")
    Duration oauthAttempts;
    /** How long after its expiry a refresh token is kept. */
    @Inject
    @ConfigProperty(name = "RETENTION_REFRESH_TOKENS")
    Duration refreshTokens;
    /** How long after its expiry an email verification or password reset token is kept (it can no longer be used). */
    @Inject
    @ConfigProperty(name = "RETENTION_ACCOUNT_TOKENS")
    Duration accountTokens;

    @Produces
    RetentionRule oauthLoginAttempts() {
        return new RetentionRule("oauth_login_attempts", "expires_at < ?1", oauthAttempts);
    }

    @Produces
    RetentionRule expiredAccountTokens() {
        return new RetentionRule("account_tokens", "expires_at < ?1", accountTokens);
    }

    /**
     * Expired tokens (used, revoked or not) of families that have no token left that expired more recently: as
     * long as a family may still be refreshed, its spent tokens stay, so that reusing one revokes the family.
     */
    @Produces
    RetentionRule spentRefreshTokens() {
        return new RetentionRule("refresh_tokens", "expires_at < ?1 AND NOT EXISTS (SELECT 1 FROM refresh_tokens f "
                + "WHERE f.family_id = refresh_tokens.family_id AND f.expires_at >= ?1)", refreshTokens);
    }
}
