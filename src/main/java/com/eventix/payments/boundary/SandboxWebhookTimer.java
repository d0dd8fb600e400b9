package com.eventix.payments.boundary;

import com.eventix.payments.control.providers.SandboxWebhooks;
import com.eventix.platform.observability.TimerRun;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Re-delivers the sandbox provider's unacknowledged webhooks when they are due, on every instance (each delivery
 * attempt is claimed in the database). Checks at half the first retry delay, between 1 and 30 seconds.
 */
@Startup
@Singleton
@TimerRun
@DependsOn("Migrations")
public class SandboxWebhookTimer {
    private static final Logger LOG = Logger.getLogger(SandboxWebhookTimer.class.getName());

    @Resource
    TimerService timers;
    @Inject
    SandboxWebhooks webhooks;
    @Inject
    @ConfigProperty(name = "SANDBOX_WEBHOOK_RETRY_FIRST")
    Duration retryFirst;
    @Inject
    @ConfigProperty(name = "SANDBOX_ENABLED")
    boolean enabled;

    @PostConstruct
    void schedule() {
        if (enabled) {
            long period = Math.max(1000, Math.min(30_000, retryFirst.toMillis() / 2));
            timers.createIntervalTimer(period, period, new TimerConfig("sandbox webhook retries", false));
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void retry() {
        try {
            webhooks.deliverDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sandbox webhook retries failed; the next run tries again", e);
        }
    }
}
