package com.eventix.platform.audit;

import com.eventix.platform.web.ClientAddresses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The current request's origin. The address is the socket's peer unless it is a proxy listed in TRUSTED_PROXIES
 * (see {@link ClientAddresses}), so clients cannot pick their own rate-limit bucket.
 */
@RequestScoped
public class ClientOrigin {
    @Inject
    HttpServletRequest request;
    @Inject
    ClientAddresses addresses;

    public RequestOrigin get() {
        return new RequestOrigin(addresses.of(request), request.getHeader("User-Agent"));
    }
}
