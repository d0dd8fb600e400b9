package com.eventix.platform.web;

import com.eventix.platform.redis.RateLimiter;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A request limit on every API endpoint family, per window (RATE_LIMIT_WINDOW): per user for requests with a valid
 * access token (its subject), otherwise per client address. Runs after authentication, before authorisation and
 * before the body is read. The specific limits (login, registration, reservations) apply on top of these.
 * Payment webhooks are exempt: they are signed by the provider, cheap to refuse when forged, and a provider that
 * is refused only retries later, delaying tickets. Health, metrics and OpenAPI are outside the API and not limited.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION + 500)
public class RateLimits implements ContainerRequestFilter {
    /** The endpoint families, also the families named in RATE_LIMIT_FAIL_CLOSED. */
    enum Family { AUTH, READ, WRITE, EXEMPT }

    @Inject
    RateLimiter limiter;
    @Inject
    ClientAddresses addresses;
    @Inject
    HttpServletRequest servletRequest;
    @Inject
    @ConfigProperty(name = "RATE_LIMIT_AUTH")
    int authLimit;
    @Inject
    @ConfigProperty(name = "RATE_LIMIT_READ")
    int readLimit;
    @Inject
    @ConfigProperty(name = "RATE_LIMIT_WRITE")
    int writeLimit;
    @Inject
    @ConfigProperty(name = "RATE_LIMIT_WINDOW")
    Duration window;

    @Override
    public void filter(ContainerRequestContext request) {
        Family family = familyOf(request.getMethod(), request.getUriInfo().getPath());
        int limit = switch (family) {
            case AUTH -> authLimit;
            case READ -> readLimit;
            case WRITE -> writeLimit;
            case EXEMPT -> 0;
        };
        if (limit <= 0) {
            return;
        }
        limiter.acquire(family.name().toLowerCase(), caller(request), limit, window);
    }

    /** Sorts a request (its path relative to /api/v1) into its family. */
    static Family familyOf(String method, String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.startsWith("payments/webhooks/")) {
            return Family.EXEMPT;
        }
        if (p.equals("auth") || p.startsWith("auth/")) {
            return Family.AUTH;
        }
        return switch (method) {
            case "GET", "HEAD", "OPTIONS" -> Family.READ;
            default -> Family.WRITE;
        };
    }

    private String caller(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
        String subject = principal instanceof JsonWebToken jwt ? jwt.getSubject() : null;
        if (subject != null && !subject.isBlank()) {
            return "user:" + subject;
        }
        return "addr:" + addresses.of(servletRequest);
    }
}
