package com.eventix.payouts.control;

import com.eventix.events.control.Events;
import com.eventix.events.entity.Event;
import com.eventix.organizers.control.Organizers;
import com.eventix.payments.control.Ledger;
import com.eventix.payouts.entity.Payout;
import com.eventix.platform.api.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What organizers and admins read of payouts and balances. */
@ApplicationScoped
public class PayoutQueries {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Organizers organizers;
    @Inject
    Events events;
    @Inject
    Ledger ledger;
    @Inject
    PayoutSettings settings;
    @Inject
    Clock clock;

    /** The caller's events with money on them, per currency. */
    public List<PayoutBalance> balancesOf(UUID userId) {
        UUID organizerId = organizers.mine(userId).id();
        Map<UUID, Event> byId = events.allOfOrganizer(organizerId).stream()
                .collect(Collectors.toMap(Event::id, Function.identity()));
        Instant now = clock.instant();
        List<PayoutBalance> balances = new ArrayList<>();
        for (Ledger.Balance b : ledger.balances(byId.keySet())) {
            balances.add(PayoutBalance.of(byId.get(b.eventId()), b, settings, now));
        }
        return balances;
    }

    /** The caller's payouts, newest first. */
    public Page<Payout> ofOrganizer(UUID userId, int page, int size) {
        UUID organizerId = organizers.mine(userId).id();
        return page("WHERE p.organizerId = :value", organizerId, page, size);
    }

    /** Every payout (admins), optionally in one status, newest first. */
    public Page<Payout> all(Payout.Status status, int page, int size) {
        return status == null ? page("", null, page, size) : page("WHERE p.status = :value", status, page, size);
    }

    private Page<Payout> page(String where, Object value, int page, int size) {
        Page.checkRequest(page, size);
        var query = em.createQuery("SELECT p FROM Payout p " + where + " ORDER BY p.createdAt DESC, p.id", Payout.class);
        var count = em.createQuery("SELECT COUNT(p) FROM Payout p " + where, Long.class);
        if (value != null) {
            query.setParameter("value", value);
            count.setParameter("value", value);
        }
        List<Payout> items = query.setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
        return new Page<>(items, page, size, count.getSingleResult());
    }
}
