package com.eventix.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;

/**
 * A local HTTP stand-in for the payment providers' APIs (Stripe's and Paystack's), which cannot be reached from
 * here. Tests stub the documented responses and check the requests Eventix sends.
 */
public final class ProviderEmulator {
    public static final String STRIPE_SECRET_KEY = "sk_test_eventix_it";
    public static final String STRIPE_WEBHOOK_SECRET = "whsec_eventix_it_stripe";
    public static final String PAYSTACK_SECRET_KEY = "sk_test_eventix_it_paystack";

    private final WireMockServer server;

    private ProviderEmulator(WireMockServer server) {
        this.server = server;
    }

    static ProviderEmulator start() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return new ProviderEmulator(server);
    }

    public WireMockServer server() {
        return server;
    }

    Map<String, String> serverSettings() {
        String base = "http://127.0.0.1:" + server.port();
        return Map.of("STRIPE_API_BASE", base, "STRIPE_SECRET_KEY", STRIPE_SECRET_KEY,
                "STRIPE_WEBHOOK_SECRET", STRIPE_WEBHOOK_SECRET, "PAYSTACK_API_BASE", base,
                "PAYSTACK_SECRET_KEY", PAYSTACK_SECRET_KEY);
    }

    void stop() {
        server.stop();
    }
}
