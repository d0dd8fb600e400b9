package com.eventix.identity.control;

import com.eventix.identity.entity.Role;
import com.eventix.identity.entity.User;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.audit.AuditLog;
import com.eventix.platform.audit.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Admins ban and unban accounts. A ban ends every sign-in of the user (refresh tokens revoked; access tokens refused
 * through {@link RecentBans} within seconds), refuses sign-in, and is announced ({@link UserBanned}) so the user's
 * holds go back on sale. An admin cannot ban themselves, nor the last active admin.
 */
@ApplicationScoped
public class Bans {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    SessionTokens sessions;
    @Inject
    Users users;
    @Inject
    RecentBans recentBans;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    Event<UserBanned> banned;

    @Transactional
    public User ban(UUID adminId, UUID userId, String reason, RequestOrigin origin) {
        if (adminId.equals(userId)) {
            throw new ApiException(ErrorCode.BAN_NOT_ALLOWED, "You cannot ban yourself", Map.of("reason", "SELF"));
        }
        // Active admins are locked first, in id order, so that two admins banning each other cannot both succeed
        // (nor deadlock): the second sees the first banned and counts one admin less.
        long activeAdmins = users.lockActiveAdmins().size();
        User user = locked(userId);
        if (user.role() == Role.ADMIN && user.isActive() && activeAdmins <= 1) {
            throw new ApiException(ErrorCode.BAN_NOT_ALLOWED, "The last active admin cannot be banned",
                    Map.of("reason", "LAST_ADMIN"));
        }
        user.ban(reason, clock.instant());
        int signInsEnded = sessions.revokeAllOf(userId);
        audit.success(adminId, "USER_BANNED", "user", userId, origin, reason + " (" + signInsEnded + " sign-ins ended)");
        banned.fire(new UserBanned(userId));
        recentBans.add(userId);
        return user;
    }

    @Transactional
    public User unban(UUID adminId, UUID userId, RequestOrigin origin) {
        User user = locked(userId);
        user.unban(clock.instant());
        audit.success(adminId, "USER_UNBANNED", "user", userId, origin, null);
        recentBans.remove(userId);
        return user;
    }

    private User locked(UUID userId) {
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw ApiException.notFound("User");
        }
        return user;
    }
}
