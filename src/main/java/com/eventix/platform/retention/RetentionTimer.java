package com.eventix.platform.retention;

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
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every RETENTION_SWEEP_INTERVAL (1 h by default), on every instance: deletes what each {@link RetentionRule}
 * lets go, in batches of short transactions, so a large backlog never holds locks or a transaction for long.
 * A run stops a rule after a bounded number of batches and lets the next run go on.
 */
@Startup
@Singleton
@TimerRun
@DependsOn("Migrations")
public class RetentionTimer {
    private static final Logger LOG = Logger.getLogger(RetentionTimer.class.getName());
    static final int BATCH = 1000;
    private static final int BATCHES_PER_RUN = 100;

    @Resource
    TimerService timers;
    @Inject
    Instance<RetentionRule> rules;
    @Inject
    RetentionSweep sweep;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "RETENTION_SWEEP_INTERVAL")
    Duration interval;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("retention", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void run() {
        Instant now = clock.instant();
        for (RetentionRule rule : rules) {
            try {
                int deleted = 0;
                for (int i = 0; i < BATCHES_PER_RUN; i++) {
                    int n = sweep.deleteBatch(rule, now, BATCH);
                    deleted += n;
                    if (n < BATCH) {
                        break;
                    }
                }
                if (deleted > 0) {
                    int total = deleted;
                    LOG.fine(() -> "Retention: " + total + " rows deleted from " + rule.table());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Retention sweep of " + rule.table() + " failed; the next run retries", e);
            }
        }
    }
}
