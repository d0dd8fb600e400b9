package com.eventix.payments.control;

import com.eventix.booking.control.HoldSweep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Payments' part of each hold sweep: before holds expire, payments in flight are checked with their providers
 * (one paid meanwhile completes while its holds still stand); after, checkouts of orders left without holds are
 * closed, orders of cancelled events are refunded (see {@link CancellationRefunds}) and refunds that never reached
 * their provider are asked again.
 */
@ApplicationScoped
public class PaymentSweeps {
    @Inject
    InFlightPayments inFlight;
    @Inject
    AbandonedCheckouts abandoned;
    @Inject
    StalledRefunds stalledRefunds;
    @Inject
    CancellationRefunds cancellations;

    void onSweep(@Observes HoldSweep sweep) {
        if (sweep.phase() == HoldSweep.Phase.BEFORE_EXPIRY) {
            inFlight.settleDue(sweep.now());
        } else {
            abandoned.closeDue(sweep.now());
            cancellations.work();
            stalledRefunds.retryDue(sweep.now());
        }
    }
}
