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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Proving that an account's owner reads mail at its address. Unverified accounts may browse and buy; only
 * linking an external sign-in (Google) needs the proof.
 */
@ApplicationScoped
public class EmailVerification {
    @Inject
    AccountTokens accountTokens;
    @Inject
    Users users;
    @Inject
    Notifications notifications;
    @Inject
    RateLimiter rateLimiter;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "EMAIL_VERIFICATION_TTL")
    Duration lifetime;
    @Inject
    @ConfigProperty(name = "EMAIL_VERIFICATION_URL")
    String pageUrl;
    @Inject
    @ConfigProperty(name = "RATE_LIMIT_ACCOUNT_MAIL_PER_EMAIL")
    int mailsPerEmail;
    @Inject
    @ConfigProperty(name = "RATE_LIMIT_ACCOUNT_TOKEN_PER_IP")
    int redemptionsPerIp;
    @Inject
    @ConfigProperty(name = "RATE_LIMIT_WINDOW")
    Duration window;

    /** A new verification link for the user, as lines to put in an email (in the caller's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public String newLinkText(User user) {
        String token = accountTokens.issue(user.id(), AccountToken.Purpose.VERIFY_EMAIL, lifetime);
        return "Confirm your email address by opening this link within " + readable(lifetime) + ":\n"
                + link(pageUrl, token) + "\n\n"
                + "(Or send this code to POST /api/v1/auth/verify-email: " + token + ")\n";
    }

    /** Mails the signed-in user a new link; false when the address is verified already (nothing is sent). */
    @Transactional
    public boolean resend(UUID userId, RequestOrigin origin) {
        User user = users.get(userId);
        rateLimiter.acquire("verify-mail", user.email(), mailsPerEmail, window);
        if (user.isEmailVerified()) {
            return false;
        }
        notifications.email(user.id(), user.email(), "VERIFY_EMAIL", "Confirm your email address for Eventix",
                "Hello " + user.firstName() + ",\n\n" + newLinkText(user) + "\n"
                        + "If you did not ask for this, you can ignore this email.\n\nThe Eventix team\n");
        audit.success(user.id(), "EMAIL_VERIFICATION_SENT", "user", user.id(), origin, null);
        return true;
    }

    /** Marks the token's account verified; 400 INVALID_VERIFICATION_TOKEN for an unknown, used or expired one. */
    @Transactional
    public User verify(String token, RequestOrigin origin) {
        rateLimiter.acquire("account-token-ip", origin.ip(), redemptionsPerIp, window);
        UUID userId = accountTokens.redeem(token, AccountToken.Purpose.VERIFY_EMAIL)
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_VERIFICATION_TOKEN,
                        "This verification link is not valid: it was used already, has expired or is wrong"));
        User user = users.get(userId);
        user.verifyEmail(clock.instant());
        audit.success(user.id(), "EMAIL_VERIFIED", "user", user.id(), origin, null);
        return user;
    }

    static String link(String page, String token) {
        return page + (page.contains("?") ? "&" : "?") + "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** A lifetime as people read it in an email. */
    static String readable(Duration d) {
        if (d.toHours() >= 1 && d.toMinutes() % 60 == 0) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        long minutes = Math.max(1, d.toMinutes());
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
