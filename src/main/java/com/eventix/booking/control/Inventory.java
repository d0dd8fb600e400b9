package com.eventix.booking.control;

import com.eventix.events.control.EventChanged;
import com.eventix.events.control.TierLock;
import com.eventix.events.entity.TicketTier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Tier stock: the only code that locks ticket tiers and moves their available quantity. Tiers are always locked
 * in the database's order of their ids, many at once, so two transactions taking or giving back stock of the same
 * tiers never wait on each other in a cycle; listings hear of the change once per event.
 */
@ApplicationScoped
public class Inventory implements TierLock {
    /**
     * PostgreSQL orders uuids by their bytes, unsigned, which is the order of their lower-case text (UUID.compareTo
     * compares signed longs): rows are locked in this order wherever several are.
     */
    public static final Comparator<UUID> IN_DATABASE_ORDER = Comparator.comparing(UUID::toString);

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    jakarta.enterprise.event.Event<EventChanged> changed;

    /**
     * Takes {@code quantity} tickets of each tier (tier id → quantity), all or none: TICKET_NOT_AVAILABLE, saying how
     * many remain, when a tier has too few. Answers the locked tiers by id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, TicketTier> take(Map<UUID, Integer> quantities) {
        Map<UUID, TicketTier> tiers = locked(quantities);
        tiers.forEach((id, tier) -> tier.requireAvailable(quantities.get(id)));
        move(tiers, quantities, true);
        return tiers;
    }

    /** Like {@link #take}, but answers false, changing nothing, when a tier has too few tickets. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryTake(Map<UUID, Integer> quantities) {
        Map<UUID, TicketTier> tiers = locked(quantities);
        for (Map.Entry<UUID, TicketTier> tier : tiers.entrySet()) {
            if (tier.getValue().availableQuantity() < quantities.get(tier.getKey())) {
                return false;
            }
        }
        move(tiers, quantities, true);
        return true;
    }

    /**
     * Takes tickets of one tier for several holds in turn, under one lock: each gets its {@code quantities[i]} if that
     * many are still left when its turn comes, else nothing (and learns how many were left). The stock moves once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Taken takeInTurn(UUID tierId, List<Integer> quantities) {
        TicketTier tier = locked(Map.of(tierId, 0)).get(tierId);
        boolean[] granted = new boolean[quantities.size()];
        int[] remaining = new int[quantities.size()];
        int left = tier.availableQuantity();
        int total = 0;
        for (int i = 0; i < quantities.size(); i++) {
            int quantity = quantities.get(i);
            granted[i] = quantity <= left;
            if (granted[i]) {
                left -= quantity;
                total += quantity;
            }
            remaining[i] = left;
        }
        if (total > 0) {
            move(Map.of(tierId, tier), Map.of(tierId, total), true);
        }
        return new Taken(tier, granted, remaining);
    }

    /** What {@link #takeInTurn} gave: the locked tier, and for each hold whether it got its tickets. */
    public record Taken(TicketTier tier, boolean[] granted, int[] remainingWhenRefused) {
    }

    /** Gives back the tickets of ended holds (tier id → quantity). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void giveBack(Map<UUID, Integer> quantities) {
        move(locked(quantities), quantities, false);
    }

    /** An organizer's change of a tier takes the same row lock as the holds it must not race. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public TicketTier lockForChange(UUID tierId) {
        return em.find(TicketTier.class, tierId, LockModeType.PESSIMISTIC_WRITE);
    }

    private Map<UUID, TicketTier> locked(Map<UUID, Integer> quantities) {
        Map<UUID, TicketTier> tiers = new TreeMap<>(IN_DATABASE_ORDER);
        List<UUID> ids = new ArrayList<>(quantities.keySet());
        ids.sort(IN_DATABASE_ORDER);
        for (UUID id : ids) {
            TicketTier tier = em.find(TicketTier.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (tier == null) {
                throw new IllegalStateException("No ticket tier " + id);
            }
            tiers.put(id, tier);
        }
        return tiers;
    }

    private void move(Map<UUID, TicketTier> tiers, Map<UUID, Integer> quantities, boolean take) {
        if (tiers.isEmpty()) {
            return;
        }
        var now = clock.instant();
        Set<UUID> events = new LinkedHashSet<>();
        tiers.forEach((id, tier) -> {
            int quantity = quantities.get(id);
            if (take) {
                tier.hold(quantity, now);
            } else {
                tier.giveBack(quantity, now);
            }
            events.add(tier.eventId());
        });
        events.forEach(id -> changed.fire(EventChanged.inventory(id)));
    }
}
