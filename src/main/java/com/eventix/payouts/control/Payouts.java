package com.eventix.payouts.control;

import com.eventix.events.control.Events;
import com.eventix.events.entity.Event;
import com.eventix.payments.control.Ledger;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
    Ledger ledger;
    @Inject
    PaymentProviders providers;
    @Inject
    Clock clock;

    /**
     * The sweep: payouts for every event in the window that is owed something now (after its reserve), then payouts
     * whose next attempt is due back on the queue. The window is walked page by page and only owed events are
     * locked and paid, so a platform with many settled events still reaches the newest ones on every sweep.
     */
    public void sweep() {
        Instant now = clock.instant();
        List<Event> page = events.completedBetween(settings.lookBackTo(now), settings.endedBy(now), null, BATCH);
        while (!page.isEmpty()) {
            for (Event event : owed(page, now)) {
                try {
                    records.makeFor(event.id(), event.organizerId(), event.endTime(), now);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not make the payout of event " + event.id()
                            + "; the next sweep retries", e);
                }
            }
            page = page.size() < BATCH ? List.of()
                    : events.completedBetween(settings.lookBackTo(now), settings.endedBy(now), page.get(BATCH - 1), BATCH);
        }
        while (records.requeueDue(clock.instant(), BATCH).size() == BATCH) {
            // more are due: keep going
        }
    }

    /** The events of the page whose ledger owes their organizer more than the reserve kept at {@code now}. */
    private List<Event> owed(List<Event> page, Instant now) {
        Map<UUID, Event> byId = new LinkedHashMap<>();
        page.forEach(e -> byId.put(e.id(), e));
        Set<UUID> owed = new HashSet<>();
        for (Ledger.Balance balance : ledger.balances(byId.keySet())) {
            Event event = byId.get(balance.eventId());
            if (balance.total() - settings.reserveOn(balance.captured(), event.endTime(), now) > 0) {
                owed.add(event.id());
            }
        }
        return page.stream().filter(e -> owed.contains(e.id())).toList();
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
