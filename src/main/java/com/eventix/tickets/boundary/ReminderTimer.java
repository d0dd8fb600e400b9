package com.eventix.tickets.boundary;

import com.eventix.tickets.control.EventReminders;
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

/** Every REMINDER_SWEEP_INTERVAL, on every instance: reminds the ticket holders of events about to start. */
@Startup
@Singleton
@DependsOn("Migrations")
public class ReminderTimer {
    private static final Logger LOG = Logger.getLogger(ReminderTimer.class.getName());
    /** Batches per sweep, so that one sweep of a huge event does not hold the timer for long. */
    private static final int MAX_BATCHES = 20;

    @Resource
    TimerService timers;
    @Inject
    EventReminders reminders;
    @Inject
    @ConfigProperty(name = "REMINDER_SWEEP_INTERVAL")
    Duration interval;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("reminders", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        try {
            for (int i = 0; i < MAX_BATCHES; i++) {
                if (reminders.remindDue() < EventReminders.BATCH) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reminder sweep failed; the next one retries", e);
        }
    }
}
