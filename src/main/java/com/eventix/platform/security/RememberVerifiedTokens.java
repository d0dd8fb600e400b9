package com.eventix.platform.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * After the container has authenticated a request by its access token, hands the verified token (the caller
 * principal, which carries its own raw text) to {@link VerifiedTokens}, so that its next requests skip verification.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class RememberVerifiedTokens implements ContainerRequestFilter {
    @Inject
    VerifiedTokens verifiedTokens;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token) {
            verifiedTokens.remember(token);
        }
    }
}
