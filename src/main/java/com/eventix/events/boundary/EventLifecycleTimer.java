package com.eventix.events.boundary;

import com.eventix.events.control.EventLifecycle;
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
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rolls events through their time-driven transitions every EVENT_LIFECYCLE_INTERVAL (30 s by default). The
 * timer is not persistent: each instance runs its own, and after downtime the first sweep catches up.
 */
@Startup
@Singleton
@TimerRun
@DependsOn("Migrations")
public class EventLifecycleTimer {
    private static final Logger LOG = Logger.getLogger(EventLifecycleTimer.class.getName());
    private static final int BATCH = 200;

    @Resource
    TimerService timers;
    @Inject
    EventLifecycle lifecycle;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "EVENT_LIFECYCLE_INTERVAL")
    Duration interval;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(0, interval.toMillis(), new TimerConfig("event lifecycle", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        try {
            while (lifecycle.advance(clock.instant(), BATCH) == BATCH) {
                // more are due: keep going
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Event lifecycle sweep failed; the next one retries", e);
        }
    }
}
