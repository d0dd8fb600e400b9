package com.eventix.payouts.control;

import com.eventix.payments.control.Ledger;
import com.eventix.payments.control.providers.Transfer;
import com.eventix.payouts.entity.Payout;
import com.eventix.payouts.entity.PayoutAccount;
import com.eventix.payouts.entity.PayoutHold;
import com.eventix.platform.messaging.Outbox;
import com.eventix.platform.messaging.Queues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The payouts' transactions: making them (with their ledger entry and queue message, atomically), claiming one for
 * an attempt under its row lock, and recording what the provider answered. Provider calls happen between these
 * transactions, never inside one.
 */
@ApplicationScoped
public class PayoutRecords {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Ledger ledger;
    @Inject
    Outbox outbox;
    @Inject
    PayoutSettings settings;

    /** One payout attempt: the payout as claimed, and whether an earlier attempt may have reached the provider. */
    public record Attempt(Payout payout, boolean inDoubt) {
    }

    /**
     * Pays out what the ledger owes for one ended event, per currency, less the reserve: answers how many payouts it
     * made. Serialised per event across instances (a transaction-scoped advisory lock), so two sweeps never pay the
     * same balance twice.
     */
    @Transactional
    public int makeFor(UUID eventId, UUID organizerId, Instant endedAt, Instant now) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "payout:" + eventId).getSingleResult();
        if (em.find(PayoutHold.class, organizerId) != null) {
            return 0;
        }
        PayoutAccount account = em.find(PayoutAccount.class, organizerId);
        if (account == null) {
            return 0;
        }
        int made = 0;
        for (Ledger.Balance balance : ledger.balances(eventId)) {
            long owed = balance.total() - settings.reserveOn(balance.captured(), endedAt, now);
            if (owed > 0) {
                Payout payout = Payout.schedule(organizerId, eventId, balance.currency(), owed, account, now,
                        now.plus(PayoutSettings.ATTEMPT_LEASE));
                em.persist(payout);
                ledger.paidOut(payout.id(), eventId, balance.currency(), owed);
                outbox.enqueue(Queues.PAYOUTS, UUID.randomUUID(), new PayoutMessage(payout.id(), 0));
                made++;
            }
        }
        return made;
    }

    /**
     * Claims the payout for the attempt a message asked for, unless it is settled, its organizer's payouts are held,
     * or that attempt has started already (the message is a duplicate). The claim commits before the provider is
     * called.
     */
    @Transactional
    public Optional<Attempt> claim(PayoutMessage message, Instant now) {
        Payout payout = em.find(Payout.class, message.payoutId(), LockModeType.PESSIMISTIC_WRITE);
        if (payout == null || payout.status() == Payout.Status.PAID || payout.status() == Payout.Status.FAILED
                || payout.attempts() != message.attemptsBefore()) {
            return Optional.empty();
        }
        if (em.find(PayoutHold.class, payout.organizerId()) != null) {
            return Optional.empty();
        }
        boolean inDoubt = payout.startAttempt(now, now.plus(PayoutSettings.ATTEMPT_LEASE));
        return Optional.of(new Attempt(payout, inDoubt));
    }

    /** What the provider says of the transfer: paid, still pending (asked again later) or failed for good. */
    @Transactional
    public Payout settle(UUID payoutId, Transfer transfer, Instant now) {
        Payout payout = em.find(Payout.class, payoutId, LockModeType.PESSIMISTIC_WRITE);
        switch (transfer.state()) {
            case SUCCEEDED -> payout.paid(transfer.providerTransferId(), now);
            case PENDING -> payout.pending(transfer.providerTransferId(),
                    now.plus(settings.retryAfter(payout.attempts())), now);
            case FAILED -> giveUp(payout, "The provider reports transfer " + transfer.providerTransferId()
                    + " as failed", now);
        }
        return payout;
    }

    /**
     * The attempt failed. It is given up (the money owed again) only when the provider refused the transfer itself
     * after a lookup found no earlier one, and attempts ran out; any other failure is retried with back-off, and the
     * next attempt asks the provider first.
     */
    @Transactional
    public Payout attemptFailed(UUID payoutId, String error, boolean refusedAfterLookup, Instant now) {
        Payout payout = em.find(Payout.class, payoutId, LockModeType.PESSIMISTIC_WRITE);
        if (payout.status() != Payout.Status.SENDING) {
            return payout;
        }
        if (refusedAfterLookup && payout.attempts() >= settings.maxAttempts()) {
            giveUp(payout, error, now);
        } else {
            payout.attemptFailed(error, now.plus(settings.retryAfter(payout.attempts())), now);
        }
        return payout;
    }

    private void giveUp(Payout payout, String error, Instant now) {
        payout.fail(error, now);
        ledger.payoutReturned(payout.id(), payout.eventId(), payout.currency(), payout.amountMinor());
    }

    /**
     * Puts payouts whose next attempt is due back on the queue (failed attempts after their back-off, attempts that
     * never finished after their lease), each leased for an attempt's time so sweeps do not queue it again meanwhile
     * (and should they, the message for an attempt that started already is dropped).
     */
    @Transactional
    public List<UUID> requeueDue(Instant now, int limit) {
        // Native: one statement claims and leases across instances (SKIP LOCKED); instants bound as OffsetDateTime.
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("UPDATE payouts SET next_attempt_at = ?2 WHERE id IN ("
                        + "SELECT p.id FROM payouts p WHERE p.status IN ('SCHEDULED', 'SENDING') AND p.next_attempt_at <= ?1 "
                        + "AND NOT EXISTS (SELECT 1 FROM payout_holds h WHERE h.organizer_id = p.organizer_id) "
                        + "ORDER BY p.next_attempt_at LIMIT ?3 FOR UPDATE SKIP LOCKED) RETURNING id, attempts")
                .setParameter(1, now.atOffset(ZoneOffset.UTC))
                .setParameter(2, now.plus(PayoutSettings.ATTEMPT_LEASE).atOffset(ZoneOffset.UTC)).setParameter(3, limit)
                .getResultList();
        List<UUID> requeued = new ArrayList<>();
        for (Object[] row : due) {
            UUID payoutId = UUID.fromString(row[0].toString());
            outbox.enqueue(Queues.PAYOUTS, UUID.randomUUID(), new PayoutMessage(payoutId, ((Number) row[1]).intValue()));
            requeued.add(payoutId);
        }
        return requeued;
    }
}
