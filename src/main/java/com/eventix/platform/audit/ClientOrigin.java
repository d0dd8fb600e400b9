package com.eventix.platform.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The current request's origin. Behind a load balancer set TRUST_PROXY_HEADERS=true to read the client from
 * X-Forwarded-For; otherwise the header is ignored so clients cannot pick their own rate-limit bucket.
 */
@RequestScoped
public class ClientOrigin {
    @Inject
    HttpServletRequest request;
    @Inject
    @ConfigProperty(name = "TRUST_PROXY_HEADERS", defaultValue = "false")
    boolean trustProxyHeaders;

    public RequestOrigin get() {
        String ip = request.getRemoteAddr();
        if (trustProxyHeaders) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                ip = forwarded.split(",")[0].trim();
            }
        }
        return new RequestOrigin(ip, request.getHeader("User-Agent"));
    }
}
