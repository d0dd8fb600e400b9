package com.eventix.payments.control.providers;

import com.eventix.platform.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * The sandbox's webhook deliveries, retried like Stripe's: a delivery that is not acknowledged with a 2xx (the
 * server was down, answered 503, or died while handling it) is sent again after a back-off, from the state kept in
 * sandbox_checkouts, so retries outlive a restart.
 */
@ApplicationScoped
public class SandboxWebhooks {
    private static final Logger LOG = Logger.getLogger(SandboxWebhooks.class.getName());
    private static final int BATCH = 50;

    @Inject
    SandboxProvider sandbox;

    /** Sends the checkout's webhook if an attempt is due; answers whether it was acknowledged. */
    public boolean deliver(String reference) {
        if (!sandbox.claimDelivery(reference)) {
            return false;
        }
        try {
            sandbox.post(reference);
        } catch (ApiException e) {
            LOG.warning("Sandbox webhook of " + reference + " not delivered (" + e.getMessage() + "); sent again later");
            return false;
        }
        sandbox.delivered(reference);
        return true;
    }

    /** Delivers what is due, a batch at a time; answers how many were acknowledged. */
    public int deliverDue() {
        if (!sandbox.isEnabled()) {
            return 0;
        }
        int acknowledged = 0;
        for (String reference : sandbox.dueWebhooks(BATCH)) {
            if (deliver(reference)) {
                acknowledged++;
            }
        }
        return acknowledged;
    }
}
