package com.eventix.platform.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client address of a request (rate limits, audit rows): the socket's peer, or behind the proxies listed in
 * TRUSTED_PROXIES the address they forwarded (see {@link TrustedProxies}).
 */
@ApplicationScoped
public class ClientAddresses {
    private static final Logger LOG = Logger.getLogger(ClientAddresses.class.getName());

    @Inject
    @ConfigProperty(name = "TRUSTED_PROXIES")
    Optional<String> trustedProxies;
    @Inject
    @ConfigProperty(name = "TRUST_PROXY_HEADERS", defaultValue = "false")
    boolean trustProxyHeaders;

    private TrustedProxies proxies;

    @PostConstruct
    void init() {
        proxies = TrustedProxies.parse(trustedProxies.orElse(""));
        if (proxies.isEmpty() && trustProxyHeaders) {
            // The former setting: one balancer in front whose address was not configured. Its own forwarded entry
            // (the right-most) is the client; what the client wrote left of it is not believed.
            proxies = TrustedProxies.DIRECT_PEER;
            LOG.warning("TRUST_PROXY_HEADERS is deprecated: set TRUSTED_PROXIES to the addresses of your proxies. "
                    + "Until then the right-most X-Forwarded-For entry is taken as the client.");
        }
    }

    /** Created at startup, so that a TRUSTED_PROXIES entry that is no address stops deployment, not a request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // creating the bean parsed the setting
    }

    public String of(HttpServletRequest request) {
        return proxies.client(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
    }
}
