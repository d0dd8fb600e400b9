package com.eventix.booking.control;

import com.eventix.events.control.EventCancelled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A cancelled event stops selling at once: its holds are released right after the cancellation commits, so the
 * checkouts of their orders are closed by the next sweep and nobody pays for it (orders already refuse its holds,
 * and a payment that still arrives is refunded). Should this fail, the holds simply run out as usual. Orders paid
 * already are payments' business: it refunds each in full and cancels its tickets (payments' CancellationRefunds).
 */
@ApplicationScoped
public class EventCancellations {
    private static final Logger LOG = Logger.getLogger(EventCancellations.class.getName());
    private static final int BATCH = 500;

    @Inject
    HoldExpiry holds;
    @Inject
    Clock clock;

    void onCancelled(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventCancelled cancelled) {
        try {
            int released;
            do {
                released = holds.releaseOfEvent(cancelled.eventId(), clock.instant(), BATCH);
            } while (released == BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not release the holds of cancelled event " + cancelled.eventId()
                    + "; they run out as usual", e);
        }
    }
}
