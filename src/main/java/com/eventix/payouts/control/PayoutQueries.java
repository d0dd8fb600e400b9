package com.eventix.payouts.control;

import com.eventix.events.control.Events;
import com.eventix.events.entity.Event;
import com.eventix.organizers.control.Organizers;
import com.eventix.payments.control.Ledger;
import com.eventix.payouts.entity.Payout;
import com.eventix.platform.api.Page;
import com.eventix.platform.persistence.Paging;
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
    private static final String NEWEST_FIRST = "p.createdAt DESC, p.id";

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
        Page.checkRequest(page, size);
        return Paging.of(em, Payout.class, "p").where("p.organizerId = :organizer", "organizer", organizerId)
                .page(NEWEST_FIRST, page, size);
    }

    /** Every payout (admins), optionally in one status, newest first. */
    public Page<Payout> all(Payout.Status status, int page, int size) {
        Page.checkRequest(page, size);
        Paging<Payout> payouts = Paging.of(em, Payout.class, "p");
        if (status != null) {
            payouts.where("p.status = :status", "status", status);
        }
        return payouts.page(NEWEST_FIRST, page, size);
    }
}
