package com.eventix.payouts.control;

import com.eventix.events.control.Events;
import com.eventix.events.entity.Event;
import com.eventix.payments.control.providers.PaymentProviders;
import com.eventix.payments.control.providers.PaymentProvider;
import com.eventix.payments.control.providers.Transfer;
import com.eventix.payments.control.providers.TransferRequest;
import com.eventix.payments.entity.LedgerEntry;
import com.eventix.payouts.entity.Payout;
import com.eventix.platform.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Making payouts when they are due and sending them. Sending is at-least-once (the queue redelivers, the sweep
 * re-queues) and paying is exactly-once: the payout's id is the transfer's key at the provider, and an attempt after
 * one whose outcome is unknown looks the transfer up before sending it.
 */
@ApplicationScoped
public class Payouts {
    private static final Logger LOG = Logger.getLogger(Payouts.class.getName());
    private static final int BATCH = 200;

    @Inject
    PayoutRecords records;
    @Inject
    PayoutSettings settings;
    @Inject
    Events events;
    @Inject
    PaymentProviders providers;
    @Inject
    Clock clock;

    /** The sweep: payouts for events whose time has come, then payouts whose next attempt is due back on the queue. */
    public void sweep() {
        Instant now = clock.instant();
        for (Event event : events.completedBetween(settings.lookBackTo(now), settings.endedBy(now), BATCH)) {
            try {
                records.makeFor(event.id(), event.organizerId(), event.endTime(), now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not make the payout of event " + event.id() + "; the next sweep retries", e);
            }
        }
        while (records.requeueDue(clock.instant(), BATCH).size() == BATCH) {
            // more are due: keep going
        }
    }

    /** One attempt at sending the payout (the payouts queue's consumer calls it). */
    public void send(PayoutMessage message) {
        Optional<PayoutRecords.Attempt> claimed = records.claim(message, clock.instant());
        if (claimed.isEmpty()) {
            return;
        }
        Payout payout = claimed.get().payout();
        PaymentProvider provider = providers.byName(payout.provider());
        boolean lookedUp = !claimed.get().inDoubt();
        try {
            if (claimed.get().inDoubt()) {
                Optional<Transfer> earlier = provider.findTransfer(payout.id().toString());
                if (earlier.isPresent()) {
                    records.settle(payout.id(), earlier.get(), clock.instant());
                    return;
                }
                lookedUp = true;
            }
            Transfer transfer = provider.transfer(new TransferRequest(payout.destination(),
                    LedgerEntry.fromMinor(payout.amountMinor(), payout.currency()), payout.currency(),
                    payout.id().toString(), "Eventix payout for event " + payout.eventId()));
            records.settle(payout.id(), transfer, clock.instant());
        } catch (ApiException e) {
            LOG.warning(() -> "Payout " + payout.id() + " attempt " + payout.attempts() + " failed: " + e.getMessage());
            records.attemptFailed(payout.id(), e.getMessage(), lookedUp && refused(e), clock.instant());
        }
    }

    /** The provider answered and said no (a 4xx other than a conflict or rate limit): trying again changes nothing. */
    private static boolean refused(ApiException e) {
        Object status = e.details().get("providerStatus");
        return status instanceof Integer code && code >= 400 && code < 500 && code != 409 && code != 429;
    }
}
