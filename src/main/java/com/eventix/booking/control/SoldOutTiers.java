package com.eventix.booking.control;

import com.eventix.events.control.EventChanged;
import com.eventix.events.entity.TicketTier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tiers this instance has just seen sold out, so that a sold-out storm is answered from memory: no transaction, no
 * query, no Redis call. A tier is marked when a hold finds none left, and forgotten after SOLD_OUT_RECHECK or as soon
 * as tickets of its event move here (a release, an expiry, an organizer's change). Another instance's release reaches
 * this one's answers within SOLD_OUT_RECHECK: the answer "sold out" may lag a release by that much, never a sale.
 */
@ApplicationScoped
public class SoldOutTiers {
    @Inject
    @ConfigProperty(name = "SOLD_OUT_RECHECK")
    Duration recheck;

    /** A mark: the tier's event (to forget it when the event's tickets move) and limit per order, and when seen. */
    private record Mark(UUID eventId, int maxPerOrder, long seenAt) {
    }

    private final Map<UUID, Mark> marks = new ConcurrentHashMap<>();

    /**
     * TICKET_NOT_AVAILABLE, as the locked path answers it, when {@code tierId} was seen sold out within
     * SOLD_OUT_RECHECK; a request above the tier's limit per order is left to be refused for that instead.
     */
    void refuseIfKnown(UUID tierId, int quantity) {
        Mark mark = marks.get(tierId);
        if (mark == null || quantity > mark.maxPerOrder()) {
            return;
        }
        if (System.nanoTime() - mark.seenAt() >= recheck.toNanos()) {
            marks.remove(tierId, mark);
            return;
        }
        throw TicketTier.notAvailable(0, quantity);
    }

    /** Marks {@code tier} when none of its tickets are left. */
    void seen(TicketTier tier) {
        if (tier.availableQuantity() == 0 && !recheck.isZero()) {
            marks.put(tier.id(), new Mark(tier.eventId(), tier.maxPerOrder(), System.nanoTime()));
        }
    }

    void onEventChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventChanged changed) {
        if (!marks.isEmpty()) {
            marks.values().removeIf(mark -> mark.eventId().equals(changed.eventId()));
        }
    }
}
