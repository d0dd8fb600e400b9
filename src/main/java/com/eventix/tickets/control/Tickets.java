package com.eventix.tickets.control;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.Page;
import com.eventix.tickets.entity.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Issuing tickets for paid orders and showing them to their owners. */
@ApplicationScoped
public class Tickets {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    TicketCodes codes;
    @Inject
    Clock clock;

    /** {@code quantity} new tickets of a tier for the order's buyer, each with its own signed code. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Ticket> issue(UUID orderId, UUID ownerId, UUID eventId, UUID tierId, int quantity) {
        List<Ticket> issued = new ArrayList<>();
        for (int i = 0; i < quantity; i++) {
            UUID id = UUID.randomUUID();
            Ticket ticket = new Ticket(id, eventId, tierId, orderId, ownerId, codes.issue(id, eventId, tierId, 1),
                    clock.instant());
            em.persist(ticket);
            issued.add(ticket);
        }
        return issued;
    }

    /**
     * Voids tickets whose money goes back to their buyer (TICKET_NOT_REFUNDABLE if one was used or passed on),
     * locked in id order so that two refunds and a scan never wait on each other in a circle.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refund(Collection<UUID> ticketIds, UUID buyerId) {
        ticketIds.stream().sorted().forEach(id -> {
            Ticket ticket = em.find(Ticket.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (ticket == null) {
                throw ApiException.notFound("Ticket");
            }
            ticket.refund(buyerId);
        });
    }

    /**
     * The ticket, locked until the caller's transaction ends ({@code null} if there is none): check-in decides a
     * scan under this lock, so scans of one ticket run one after the other on every instance, and a refund (which
     * locks the same row) waits for it or is waited for.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket lockedForScan(UUID ticketId) {
        return em.find(Ticket.class, ticketId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    /** The tickets of a batch of scans, locked in id order (as refunds and cancellations lock them), by id. */
    public Map<UUID, Ticket> lockedForScan(Collection<UUID> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT t FROM Ticket t WHERE t.id IN :ids ORDER BY t.id", Ticket.class)
                .setParameter("ids", ticketIds).setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultList().stream().collect(java.util.stream.Collectors.toMap(Ticket::id, t -> t));
    }

    /** Voids the tickets of a cancelled event (see {@link Ticket#cancel}), locked in id order like refunds. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(Collection<UUID> ticketIds) {
        ticketIds.stream().sorted().forEach(id -> {
            Ticket ticket = em.find(Ticket.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (ticket == null) {
                throw ApiException.notFound("Ticket");
            }
            ticket.cancel();
        });
    }

    /**
     * Voids the valid tickets of an order whose money went back outside Eventix (see {@link Ticket#moneyTakenBack}),
     * locked in id order like refunds; answers how many it voided.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int moneyTakenBack(UUID orderId) {
        int voided = 0;
        for (UUID id : ofOrders(List.of(orderId)).stream().map(Ticket::id).sorted().toList()) {
            if (em.find(Ticket.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).moneyTakenBack()) {
                voided++;
            }
        }
        return voided;
    }

    /** A ticket for its owner or an admin; for anybody else it is "not found". */
    public Ticket visible(UUID ticketId, UUID userId, boolean admin) {
        Ticket ticket = em.find(Ticket.class, ticketId);
        if (ticket == null || !(admin || ticket.ownerId().equals(userId))) {
            throw ApiException.notFound("Ticket");
        }
        return ticket;
    }

    /** The tickets of these orders, in one query. */
    public List<Ticket> ofOrders(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT t FROM Ticket t WHERE t.orderId IN :orders ORDER BY t.createdAt, t.id", Ticket.class)
                .setParameter("orders", orderIds).getResultList();
    }

    /**
     * The event's tickets whose older codes are void because the ticket changed hands, each with the lowest code
     * version that still admits it, for those whose version changed at or after {@code since} ({@link Instant#EPOCH}:
     * all of them), oldest change first. Each entry is absolute, so reading one twice does no harm: a reader that
     * polls should ask again from a little before its last read, since a change is stamped when its transaction
     * runs, which may commit up to TX_TIMEOUT_SECONDS later.
     */
    public List<CodeRevocation> revocationsSince(UUID eventId, Instant since) {
        return em.createQuery("SELECT t.id, t.codeVersion, t.codeChangedAt FROM Ticket t WHERE t.eventId = :event "
                        + "AND t.codeVersion > 1 AND t.codeChangedAt >= :since ORDER BY t.codeChangedAt, t.id",
                        Object[].class)
                .setParameter("event", eventId).setParameter("since", since).getResultStream()
                .map(row -> new CodeRevocation((UUID) row[0], ((Number) row[1]).intValue(), (Instant) row[2]))
                .toList();
    }

    public Page<Ticket> ofOwner(UUID ownerId, int page, int size) {
        long total = em.createQuery("SELECT COUNT(t) FROM Ticket t WHERE t.ownerId = :owner", Long.class)
                .setParameter("owner", ownerId).getSingleResult();
        List<Ticket> items = em.createQuery("SELECT t FROM Ticket t WHERE t.ownerId = :owner "
                        + "ORDER BY t.createdAt DESC, t.id", Ticket.class)
                .setParameter("owner", ownerId).setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
        return new Page<>(items, page, size, total);
    }
}
