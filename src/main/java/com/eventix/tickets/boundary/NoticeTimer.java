package com.eventix.tickets.boundary;

import com.eventix.tickets.control.EventNotices;
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
 * Every NOTICE_SWEEP_INTERVAL, on every instance: writes the reminders of events about to start, then mails open
 * notices to their ticket holders, a batch per transaction (see {@link EventNotices}).
 */
@Startup
@Singleton
@TimerRun
@DependsOn("Migrations")
public class NoticeTimer {
    private static final Logger LOG = Logger.getLogger(NoticeTimer.class.getName());
    /** Batches per sweep, so that a huge event does not hold the timer for long; the next sweep goes on. */
    private static final int MAX_BATCHES = 25;

    @Resource
    TimerService timers;
    @Inject
    EventNotices notices;
    @Inject
    @ConfigProperty(name = "NOTICE_SWEEP_INTERVAL")
    Duration interval;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("notices", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        try {
            notices.remindDue();
            for (int i = 0; i < MAX_BATCHES && notices.deliverNext(); i++) {
                LOG.finest("a batch of notices delivered");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Notice sweep failed; the next one retries", e);
        }
    }
}
