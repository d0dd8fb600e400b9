package com.eventix.identity.control;

import com.eventix.identity.entity.AccountToken;
import com.eventix.identity.entity.User;
import com.eventix.notifications.control.Notifications;
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
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password reset by email: a single-use token mailed to the address, traded for a new password. Asking answers
 * the same whether or not the address has an account, so it tells nobody which accounts exist.
 */
@ApplicationScoped
public class PasswordResets {
    @Inject
    Users users;
    @Inject
    AccountTokens accountTokens;
    @Inject
    SessionTokens sessions;
    @Inject
    PasswordHasher hasher;
    @Inject
    PasswordPolicy policy;
    @Inject
    Notifications notifications;
    @Inject
    RateLimiter rateLimiter;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "PASSWORD_RESET_TTL")
    Duration lifetime;
    @Inject
    @ConfigProperty(name = "PASSWORD_RESET_URL")
    String pageUrl;
    @Inject
    @ConfigProperty(name = "RATE_LIMIT_ACCOUNT_MAIL_PER_EMAIL")
    int mailsPerEmail;
    @Inject
    @ConfigProperty(name = "RATE_LIMIT_ACCOUNT_MAIL_PER_IP")
    int requestsPerIp;
    @Inject
    @ConfigProperty(name = "RATE_LIMIT_ACCOUNT_TOKEN_PER_IP")
    int redemptionsPerIp;
    @Inject
    @ConfigProperty(name = "RATE_LIMIT_WINDOW")
    Duration window;

    /**
     * Mails a reset link when the address belongs to an active account; otherwise does nothing. Either way the
     * caller learns nothing (the limits count every address alike, before it is looked up).
     */
    @Transactional
    public void request(String email, RequestOrigin origin) {
        String normalized = User.normalizeEmail(email);
        rateLimiter.acquire("reset-ip", origin.ip(), requestsPerIp, window);
        rateLimiter.acquire("reset-email", normalized, mailsPerEmail, window);
        User user = users.byEmail(normalized).filter(User::isActive).orElse(null);
        if (user == null) {
            return;
        }
        String token = accountTokens.issue(user.id(), AccountToken.Purpose.RESET_PASSWORD, lifetime);
        notifications.email(user.id(), user.email(), "PASSWORD_RESET", "Reset your Eventix password",
                "Hello " + user.firstName() + ",\n\n"
                        + "Someone (we hope you) asked to reset the password of your Eventix account. Choose a new "
                        + "password within " + EmailVerification.readable(lifetime) + " here:\n"
                        + EmailVerification.link(pageUrl, token) + "\n\n"
                        + "(Or send this code with the new password to POST /api/v1/auth/password-reset/confirm: "
                        + token + ")\n\n"
                        + "The link works once. Resetting signs you out everywhere. If you did not ask for this, "
                        + "ignore this email: your password stays as it is.\n\nThe Eventix team\n");
        audit.success(user.id(), "PASSWORD_RESET_REQUESTED", "user", user.id(), origin, null);
    }

    /**
     * Sets the new password of the token's account, spends the token (and any other outstanding reset link), ends
     * every sign-in of the account and marks its email verified: the owner just read mail sent there. The new
     * password is hashed before the database is touched, so no pooled connection waits on the hashing bulkhead.
     */
    @Transactional
    public void confirm(String token, String newPassword, RequestOrigin origin) {
        rateLimiter.acquire("account-token-ip", origin.ip(), redemptionsPerIp, window);
        policy.check(newPassword, null);
        String hash = hasher.hash(newPassword);
        UUID userId = accountTokens.redeem(token, AccountToken.Purpose.RESET_PASSWORD)
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_RESET_TOKEN,
                        "This reset link is not valid: it was used already, has expired or is wrong; ask for a new one"));
        User user = users.get(userId);
        policy.check(newPassword, user.email());
        Instant now = clock.instant();
        user.changePassword(hash, now);
        user.verifyEmail(now);
        accountTokens.spendAll(user.id(), AccountToken.Purpose.RESET_PASSWORD);
        int revoked = sessions.revokeAllOf(user.id());
        audit.success(user.id(), "PASSWORD_RESET", "user", user.id(), origin, revoked + " live refresh tokens revoked");
    }
}
