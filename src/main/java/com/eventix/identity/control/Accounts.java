package com.eventix.identity.control;

import com.eventix.identity.entity.Role;
import com.eventix.identity.entity.User;
import com.eventix.notifications.control.Notifications;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.audit.AuditLog;
import com.eventix.platform.audit.RequestOrigin;
import com.eventix.platform.redis.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Opening and maintaining accounts. */
@ApplicationScoped
public class Accounts {
    private static final Logger LOG = Logger.getLogger(Accounts.class.getName());

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Users users;
    @Inject
    PasswordHasher hasher;
    @Inject
    PasswordPolicy policy;
    @Inject
    RateLimiter rateLimiter;
    @Inject
    AuditLog audit;
    @Inject
    Notifications notifications;
    @Inject
    EmailVerification verification;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "RATE_LIMIT_REGISTER_PER_IP")
    int registerPerIp;
    @Inject
    @ConfigProperty(name = "RATE_LIMIT_REGISTER_PER_EMAIL")
    int registerPerEmail;
    @Inject
    @ConfigProperty(name = "RATE_LIMIT_WINDOW")
    Duration window;

    public record Registration(String email, String password, String firstName, String lastName, String phone) {
    }

    public record ProfileChange(String firstName, String lastName, String phone) {
    }

    /**
     * Opens an attendee account and queues its welcome email, which carries the email verification link,
     * atomically. The password is hashed before the first query: the transaction takes its pooled connection only
     * then, so none is held while the hash waits for the hashing bulkhead or runs.
     */
    @Transactional
    public User register(Registration r, RequestOrigin origin) {
        rateLimiter.acquire("register-ip", origin.ip(), registerPerIp, window);
        // Per email too: repeated attempts on one address would otherwise probe which accounts exist.
        rateLimiter.acquire("register-email", User.normalizeEmail(r.email()), registerPerEmail, window);
        policy.check(r.password(), r.email());
        String passwordHash = hasher.hash(r.password());
        if (users.byEmail(r.email()).isPresent()) {
            throw new ApiException(ErrorCode.EMAIL_TAKEN, "An account with this email already exists");
        }
        User user = User.withPassword(r.email(), passwordHash, r.firstName(), r.lastName(), r.phone(),
                clock.instant());
        em.persist(user);
        // Flush now so a concurrent registration of the same email fails here (unique index), inside this method.
        em.flush();
        notifications.email(user.id(), user.email(), "WELCOME", "Welcome to Eventix, " + user.firstName(),
                welcomeText(user, verification.newLinkText(user)));
        audit.success(user.id(), "USER_REGISTERED", "user", user.id(), origin, null);
        return user;
    }

    @Transactional
    public User updateProfile(UUID userId, ProfileChange change) {
        User user = users.get(userId);
        user.updateProfile(change.firstName(), change.lastName(), change.phone(), clock.instant());
        return user;
    }

    /** Raises a user to {@code role}; an admin stays an admin. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void grantRole(UUID userId, Role role) {
        User user = users.get(userId);
        if (user.role() != Role.ADMIN) {
            user.changeRole(role, clock.instant());
        }
    }

    /**
     * Makes sure an account with this email exists with at least the given role (used for the configured initial
     * admin and for demo data). An existing account keeps its password and is never demoted. The operator chose
     * the address, so it counts as verified.
     */
    @Transactional
    public User ensure(String email, String password, String firstName, String lastName, Role role) {
        User user = users.byEmail(email).orElse(null);
        if (user == null) {
            user = User.withPassword(email, hasher.hash(password), firstName, lastName, null, clock.instant());
            em.persist(user);
            LOG.info(() -> "Created account " + email + " with role " + role);
        }
        if (role.ordinal() > user.role().ordinal()) {
            user.changeRole(role, clock.instant());
        }
        user.verifyEmail(clock.instant());
        audit.success(null, "ACCOUNT_ENSURED", "user", user.id(), RequestOrigin.INTERNAL, role.name());
        return user;
    }

    private static String welcomeText(User user, String verificationText) {
        return "Hello " + user.firstName() + ",\n\n"
                + "Your Eventix account (" + user.email() + ") is ready. Discover events, reserve tickets and "
                + "keep them all in one place.\n\n"
                + verificationText + "\n"
                + "If you did not create this account, reply to this email and we will close it.\n\n"
                + "The Eventix team\n";
    }
}
