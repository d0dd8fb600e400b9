package com.eventix.payouts.boundary;

import com.eventix.payments.control.LedgerRepair;
import com.eventix.payouts.control.Payouts;
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
 * Every PAYOUT_SWEEP_INTERVAL, on every instance: enters in the ledger any payment settled before it existed
 * ({@link LedgerRepair}), makes the payouts that are due and re-queues those whose next
 * attempt is due (instances never make or send one twice: see {@link Payouts}).
 */
@Startup
@Singleton
@TimerRun
@DependsOn("Migrations")
public class PayoutTimer {
    private static final Logger LOG = Logger.getLogger(PayoutTimer.class.getName());

    @Resource
    TimerService timers;
    @Inject
    Payouts payouts;
    @Inject
    LedgerRepair ledgerRepair;
    @Inject
    @ConfigProperty(name = "PAYOUT_SWEEP_INTERVAL")
    Duration interval;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("payouts", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        try {
            // Balances are sums over the ledger: every settled payment must be in it before any is paid out.
            ledgerRepair.repair();
            payouts.sweep();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Payout sweep failed; the next one retries", e);
        }
    }
}
