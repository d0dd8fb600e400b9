package com.eventix.booking.control;

import com.eventix.booking.entity.Reservation;
import com.eventix.platform.api.ApiException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Holds of one tier that arrive while another batch of that tier is being decided wait, and are then decided together
 * by one of them ({@link Reservations#reserveTogether}: one transaction, one lock of the tier row), each answered on
 * its own thread as if it had come alone. A drop's requests thus pay for the tier lock, the transaction and the
 * round trips once per batch instead of once each, and hold the row lock for less time per ticket. Other instances
 * batch their own; the row lock orders the batches of all of them. A batch that fails as a whole (a lost connection)
 * is decided again one request at a time.
 */
@ApplicationScoped
public class HoldCombiner {
    /** At most this many requests in one transaction: a batch must stay short, as the tier is locked throughout. */
    static final int MAX_BATCH = 64;

    @Inject
    Reservations reservations;
    @Inject
    MetricRegistry metrics;
    private Counter batches;
    private Counter batched;

    @PostConstruct
    void count() {
        // eventix_hold_batches_total and eventix_holds_batched_total: their ratio is the mean batch size
        batches = metrics.counter("eventix_hold_batches_total");
        batched = metrics.counter("eventix_holds_batched_total");
    }

    /** One per tier with recent holds; a tier idle for long is forgotten (a later request makes a new one). */
    private final Cache<UUID, Tier> tiers = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).build();

    /** A tier's waiting requests and whether a batch of it is being decided here now (guarded by the Tier). */
    private static final class Tier {
        final Queue<Waiting> queue = new ConcurrentLinkedQueue<>();
        boolean deciding;
    }

    /** A request in the queue, and once decided, its answer. */
    private static final class Waiting {
        final Reservations.Wanted wanted;
        volatile Reservations.Decided decided;
        volatile RuntimeException failed;

        Waiting(Reservations.Wanted wanted) {
            this.wanted = wanted;
        }

        boolean done() {
            return decided != null || failed != null;
        }

        Reservation answer() {
            if (failed != null) {
                throw failed;
            }
            if (decided.refusal() != null) {
                throw decided.refusal();
            }
            return decided.hold();
        }
    }

    /** Holds {@code quantity} tickets of the tier for the user, as {@link Reservations#reserve} does. */
    public Reservation reserve(UUID userId, UUID tierId, int quantity) {
        reservations.countAttempt(userId);
        Tier tier = tiers.get(tierId, id -> new Tier());
        Waiting mine = new Waiting(new Reservations.Wanted(userId, quantity));
        tier.queue.add(mine);
        boolean interrupted = false;
        try {
            while (!mine.done()) {
                synchronized (tier) {
                    while (tier.deciding && !mine.done()) {
                        try {
                            tier.wait();
                        } catch (InterruptedException e) {
                            interrupted = true; // the request is queued and will be decided: wait for its answer
                        }
                    }
                    if (mine.done()) {
                        break;
                    }
                    tier.deciding = true;
                }
                try {
                    decide(tierId, next(tier.queue));
                } finally {
                    synchronized (tier) {
                        tier.deciding = false;
                        tier.notifyAll();
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return mine.answer();
    }

    private static List<Waiting> next(Queue<Waiting> queue) {
        List<Waiting> batch = new ArrayList<>();
        Waiting waiting;
        while (batch.size() < MAX_BATCH && (waiting = queue.poll()) != null) {
            batch.add(waiting);
        }
        return batch;
    }

    private void decide(UUID tierId, List<Waiting> batch) {
        if (batch.isEmpty()) {
            return;
        }
        batches.inc();
        batched.inc(batch.size());
        try {
            List<Reservations.Decided> decided = reservations.reserveTogether(tierId,
                    batch.stream().map(w -> w.wanted).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).decided = decided.get(i);
            }
        } catch (RuntimeException batchFailed) {
            for (Waiting waiting : batch) {
                try {
                    waiting.decided = Reservations.Decided.held(reservations.reserveCounted(waiting.wanted.userId(),
                            tierId, waiting.wanted.quantity()));
                } catch (ApiException refused) {
                    waiting.decided = Reservations.Decided.refused(refused);
                } catch (RuntimeException e) {
                    waiting.failed = e;
                }
            }
        }
    }
}
