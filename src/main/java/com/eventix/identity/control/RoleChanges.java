package com.eventix.identity.control;

import com.eventix.identity.entity.Role;
import com.eventix.identity.entity.User;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.audit.AuditLog;
import com.eventix.platform.audit.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Admins change accounts' roles. The new role is in the account's next access token (at its next refresh, within
 * JWT_EXPIRY); a user to be stopped at once is banned instead. Decided under the lock of the active admins and only
 * for one of them acting on another account, so an admin always remains: of two admins demoting each other at once,
 * the second is no admin any more when its turn comes, whatever its token still says.
 */
@ApplicationScoped
public class RoleChanges {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Users users;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    /**
     * Gives the account {@code role}; the same role again changes nothing. {@code organizerVerified}: whether the
     * account has a verified organizer profile, which the ORGANIZER role needs (its endpoints act on it).
     */
    @Transactional
    public User change(UUID adminId, UUID userId, Role role, boolean organizerVerified, RequestOrigin origin) {
        if (adminId.equals(userId)) {
            throw refused("You cannot change your own role", "SELF");
        }
        List<User> admins = users.lockActiveAdmins();
        if (admins.stream().noneMatch(a -> a.id().equals(adminId))) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only an active admin may change roles");
        }
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw ApiException.notFound("User");
        }
        if (user.role() == role) {
            return user;
        }
        if (role == Role.ORGANIZER && !organizerVerified) {
            throw refused("Only an account with a verified organizer profile can be an organizer",
                    "NOT_A_VERIFIED_ORGANIZER");
        }
        Role before = user.role();
        user.changeRole(role, clock.instant());
        audit.success(adminId, "USER_ROLE_CHANGED", "user", userId, origin, before + " -> " + role);
        return user;
    }

    private static ApiException refused(String message, String reason) {
        return new ApiException(ErrorCode.ROLE_CHANGE_NOT_ALLOWED, message, Map.of("reason", reason));
    }
}
