package com.eventix.identity.boundary;

import com.eventix.identity.control.RecentBans;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses the access tokens of a banned user (403 ACCOUNT_DISABLED) instead of honouring them until they expire.
 * Runs after the token is verified and before authorization.
 */
@Provider
@Priority(Priorities.AUTHORIZATION - 100)
public class BannedAccounts implements ContainerRequestFilter {
    @Inject
    JsonWebToken jwt;
    @Inject
    RecentBans recentBans;

    @Override
    public void filter(ContainerRequestContext request) {
        String subject = jwt == null ? null : jwt.getSubject();
        if (subject == null) {
            return;
        }
        UUID userId;
        try {
            userId = UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            return; // device tokens and others without a user subject
        }
        if (recentBans.isBanned(userId)) {
            throw new ApiException(ErrorCode.ACCOUNT_DISABLED, "This account is disabled");
        }
    }
}
