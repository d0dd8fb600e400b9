package com.eventix.booking.boundary;

import com.eventix.booking.control.HoldExpiry;
import com.eventix.booking.control.HoldSweep;
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
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every HOLD_SWEEP_INTERVAL (5 s by default), on every instance: announces the sweep ({@link HoldSweep}; payments
 * checks payments in flight first), expires the holds that ran out, and announces that it did (payments closes
 * the checkouts of orders left without holds and asks again for refunds that never reached their provider).
 */
@Startup
@Singleton
@TimerRun
@DependsOn("Migrations")
public class HoldExpiryTimer {
    private static final Logger LOG = Logger.getLogger(HoldExpiryTimer.class.getName());
    private static final int BATCH = 500;

    @Resource
    TimerService timers;
    @Inject
    HoldExpiry expiry;
    @Inject
    Event<HoldSweep> sweeps;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "HOLD_SWEEP_INTERVAL")
    Duration interval;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(0, interval.toMillis(), new TimerConfig("hold expiry", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        try {
            sweeps.fire(new HoldSweep(HoldSweep.Phase.BEFORE_EXPIRY, clock.instant()));
            while (expiry.expireDue(clock.instant(), BATCH) == BATCH) {
                // more are due: keep going
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Hold expiry sweep failed; the next one retries", e);
        }
        try {
            sweeps.fire(new HoldSweep(HoldSweep.Phase.AFTER_EXPIRY, clock.instant()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Closing abandoned checkouts or retrying refunds failed; the next sweep retries", e);
        }
    }
}
