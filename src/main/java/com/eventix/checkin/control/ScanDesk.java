package com.eventix.checkin.control;

import com.eventix.checkin.entity.Admission;
import com.eventix.checkin.entity.CheckinList;
import com.eventix.checkin.entity.Refusal;
import com.eventix.checkin.entity.Scan;
import com.eventix.checkin.entity.ScanResult;
import com.eventix.events.entity.Event;
import com.eventix.events.entity.TicketTier;
import com.eventix.identity.entity.User;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.persistence.AdvisoryLocks;
import com.eventix.tickets.control.InvalidTicketCodeException;
import com.eventix.tickets.control.TicketCodes;
import com.eventix.tickets.control.Tickets;
import com.eventix.tickets.entity.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Decides and records scans. Order of work in one transaction: the nonce is claimed (a transaction-scoped
 * advisory lock on event and nonce, then a look for an earlier scan with it: a repeat answers what the first
 * answered); the code is verified with the event's key; the ticket row is locked (scans of one ticket, on any
 * instance, run one after the other, and a refund waits for them); the ticket's status and code version, the list's
 * tiers and hours and the ticket's last stay on the list decide; the admission (unique while open, in the
 * database), the ticket's CHECKED_IN status and the scan row are written together.
 */
@ApplicationScoped
public class ScanDesk {
    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    TicketCodes codes;
    @Inject
    Tickets tickets;
    @Inject
    CheckinLists lists;
    @Inject
    Clock clock;

    /** Decides and records an online scan (or a manual check-in) and tells the door. */
    @Transactional
    public ScanAnswer scan(ScanActor actor, ScanInput in) {
        return answerOf(decide(actor, in, listFor(actor, in), new OneByOne()));
    }

    /** Decides and records one scan an offline device made, and gives the server's verdict on it. */
    @Transactional
    public OfflineVerdict sync(ScanActor actor, ScanInput in) {
        return verdictOf(decide(actor, in, listFor(actor, in), new OneByOne()));
    }

    /**
     * Decides and records a batch of scans an offline device made, in the order given (the order they were made), in
     * one transaction: their nonces and tickets are locked and what decides them read in a few statements, then each
     * is decided under the same rules as {@link #sync} and the rows are written together. Answers the verdicts by
     * nonce. {@code lists} names each scan's list (see {@link #listFor}).
     */
    @Transactional
    public Map<String, OfflineVerdict> syncAll(ScanActor actor, List<ScanInput> byTime, Map<ScanInput, UUID> lists) {
        Batch batch = new Batch(byTime);
        Map<UUID, CheckinList> byId = new HashMap<>();
        Map<String, OfflineVerdict> verdicts = new HashMap<>();
        for (ScanInput in : byTime) {
            CheckinList list = byId.computeIfAbsent(lists.get(in), id -> em.find(CheckinList.class, id));
            verdicts.put(in.nonce(), verdictOf(decide(actor, in, list, batch)));
        }
        return verdicts;
    }

    /** The list a scan is for, and the actor may scan for (NOT_FOUND, FORBIDDEN). */
    @Transactional
    public CheckinList listFor(ScanActor actor, ScanInput in) {
        UUID listId = in.listId();
        if (listId == null && actor.device() != null && actor.device().listIds().size() == 1) {
            listId = actor.device().listIds().iterator().next();
        }
        CheckinList list = listId == null ? lists.defaultOf(in.eventId()) : lists.find(in.eventId(), listId);
        actor.requireList(list.id());
        return list;
    }

    /**
     * What deciding a scan reads and writes besides the decision itself: asked per scan online, read ahead for a whole
     * batch of offline scans. Either way the scan's nonce is claimed and its ticket locked before it is decided.
     */
    private interface Records {
        /** The scan recorded earlier with this one's nonce, if any (the nonce is claimed by now). */
        Scan earlier(ScanInput in);

        TicketCodes.Verified verify(String code, UUID eventId);

        /** The ticket, locked; null if there is none. */
        Ticket lockedTicket(UUID ticketId);

        Admission lastStay(UUID ticketId, UUID listId);

        void admitted(Admission stay);

        Scan recorded(Scan scan);
    }

    private Scan decide(ScanActor actor, ScanInput in, CheckinList list, Records records) {
        Instant now = clock.instant();
        Scan earlier = records.earlier(in);
        if (earlier != null) {
            return earlier;
        }
        // The scanner's clock is trusted for when the scan happened, never for later than now.
        Instant scannedAt = in.scannedAt() == null || in.scannedAt().isAfter(now) ? now : in.scannedAt();
        // Online the server's clock judges opening hours; offline scans are judged when they were made.
        Instant judgedAt = in.offline() ? scannedAt : now;
        Scan.Context context = new Scan.Context(in.eventId(), in.nonce(), list.id(), actor.deviceId(), actor.userId(),
                actor.gate(in.gate()), in.direction(), scannedAt, now, in.offline());

        Integer codeVersion = null;
        UUID ticketId = in.ticketId();
        if (in.code() != null) {
            try {
                TicketCodes.Verified verified = records.verify(in.code(), in.eventId());
                ticketId = verified.ticketId();
                codeVersion = verified.codeVersion();
            } catch (InvalidTicketCodeException e) {
                Refusal reason = e.reason() == InvalidTicketCodeException.Reason.WRONG_EVENT
                        ? Refusal.WRONG_EVENT : Refusal.BAD_SIGNATURE;
                return records.recorded(new Scan(context, null, ScanResult.INVALID, reason, null));
            }
        }
        Ticket ticket = ticketId == null ? null : records.lockedTicket(ticketId);
        if (ticket == null || !in.eventId().equals(ticket.eventId())) {
            if (in.code() == null) {
                throw ApiException.notFound("Ticket");
            }
            // Signed by the event's key yet unknown: nothing this server issued.
            return records.recorded(new Scan(context, null, ScanResult.INVALID, Refusal.BAD_SIGNATURE, null));
        }
        Event event = em.find(Event.class, in.eventId());
        Refusal refusal = event.status() == Event.Status.CANCELLED ? Refusal.CANCELLED
                : refusal(ticket, codeVersion, list, judgedAt);
        if (refusal != null) {
            // A void ticket an offline device let in is a conflict to count, not only a refusal.
            boolean letInVoid = in.localAdmitted() && (refusal == Refusal.REVOKED || refusal == Refusal.REFUNDED
                    || refusal == Refusal.CANCELLED);
            return records.recorded(new Scan(context, ticket.id(), letInVoid ? ScanResult.REVOKED_ADMITTED : ScanResult.INVALID,
                    refusal, null));
        }
        Admission last = records.lastStay(ticket.id(), list.id());
        return switch (list.move(in.direction(), last)) {
            case ENTER -> {
                Admission stay = new Admission(ticket.id(), in.eventId(), list.id(), CheckinList.nextCycle(last),
                        scannedAt, context.gate(), actor.asScanner());
                records.admitted(stay);
                ticket.checkIn(scannedAt);
                yield records.recorded(new Scan(context, ticket.id(), ScanResult.ADMITTED, null, stay.id()));
            }
            case LEAVE -> {
                last.exit(scannedAt, context.gate());
                yield records.recorded(new Scan(context, ticket.id(), ScanResult.EXITED, null, last.id()));
            }
            // Kept as it is, never overwritten: the admission on record stays the one that reached the server first.
            case ALREADY_INSIDE -> records.recorded(new Scan(context, ticket.id(), in.localAdmitted() ? ScanResult.DUPLICATE
                    : ScanResult.ALREADY_CHECKED_IN, null, last.id()));
            case NOT_INSIDE -> records.recorded(new Scan(context, ticket.id(), ScanResult.NOT_CHECKED_IN, null,
                    last == null ? null : last.id()));
            case EXITS_NOT_SCANNED -> records.recorded(new Scan(context, ticket.id(), ScanResult.EXITS_NOT_SCANNED, null, null));
        };
    }

    /** Why the ticket does not pass here, if it does not: its code, its status, then the list's rules. */
    static Refusal refusal(Ticket ticket, Integer codeVersion, CheckinList list, Instant at) {
        if (codeVersion != null && codeVersion < ticket.codeVersion()) {
            return Refusal.REVOKED;
        }
        if (ticket.status() == Ticket.Status.REFUNDED) {
            return Refusal.REFUNDED;
        }
        if (ticket.status() == Ticket.Status.CANCELLED) {
            return Refusal.CANCELLED;
        }
        return list.refusal(ticket.tierId(), at).orElse(null);
    }

    private static String nonceKey(ScanInput in) {
        return "checkin-nonce:" + in.eventId() + ":" + in.nonce();
    }

    /** Online: each read and write as the scan needs it. */
    private final class OneByOne implements Records {
        @Override
        public Scan earlier(ScanInput in) {
            // Two scans with one nonce run one after the other, so the second finds the first.
            AdvisoryLocks.lock(em, nonceKey(in));
            List<Scan> found = em.createQuery("SELECT s FROM Scan s WHERE s.eventId = :event AND s.nonce = :nonce",
                    Scan.class).setParameter("event", in.eventId()).setParameter("nonce", in.nonce()).getResultList();
            return found.isEmpty() ? null : found.get(0);
        }

        @Override
        public TicketCodes.Verified verify(String code, UUID eventId) {
            return codes.verify(code, eventId);
        }

        @Override
        public Ticket lockedTicket(UUID ticketId) {
            return tickets.lockedForScan(ticketId);
        }

        @Override
        public Admission lastStay(UUID ticketId, UUID listId) {
            List<Admission> stays = em.createQuery("SELECT a FROM Admission a WHERE a.ticketId = :ticket "
                            + "AND a.listId = :list ORDER BY a.cycle DESC", Admission.class)
                    .setParameter("ticket", ticketId).setParameter("list", listId).setMaxResults(1).getResultList();
            return stays.isEmpty() ? null : stays.get(0);
        }

        @Override
        public void admitted(Admission stay) {
            em.persist(stay);
            // Flushed first: the scan row refers to it, and the unique index speaks here if anything slipped by.
            em.flush();
        }

        @Override
        public Scan recorded(Scan scan) {
            em.persist(scan);
            return scan;
        }
    }

    /**
     * Offline, a whole batch: every nonce is claimed (in one order, so batches never deadlock), the codes verified,
     * the tickets locked in id order (as refunds lock them) and their stays read, up front; the batch's own scans and
     * stays are seen by the scans after them. Rows are written at commit (the scans' reference to their stay is
     * checked there), where the unique index still has the last word.
     */
    private final class Batch implements Records {
        private final Map<String, Scan> byNonce = new HashMap<>();
        private final Map<String, Object> verified = new HashMap<>();
        private final Map<UUID, Ticket> locked = new HashMap<>();
        private final Map<List<UUID>, Admission> lastStays = new HashMap<>();

        Batch(List<ScanInput> scans) {
            if (scans.isEmpty()) {
                return;
            }
            UUID eventId = scans.get(0).eventId();
            AdvisoryLocks.lockAll(em, scans.stream().map(ScanDesk::nonceKey).toList());
            List<String> nonces = scans.stream().map(ScanInput::nonce).distinct().toList();
            em.createQuery("SELECT s FROM Scan s WHERE s.eventId = :event AND s.nonce IN :nonces", Scan.class)
                    .setParameter("event", eventId).setParameter("nonces", nonces).getResultList()
                    .forEach(scan -> byNonce.put(scan.nonce(), scan));
            java.util.Set<UUID> ticketIds = new java.util.HashSet<>();
            for (ScanInput in : scans) {
                if (in.code() != null && !verified.containsKey(in.code())) {
                    try {
                        TicketCodes.Verified code = codes.verify(in.code(), eventId);
                        verified.put(in.code(), code);
                        ticketIds.add(code.ticketId());
                    } catch (InvalidTicketCodeException e) {
                        verified.put(in.code(), e);
                    }
                } else if (in.ticketId() != null) {
                    ticketIds.add(in.ticketId());
                }
            }
            locked.putAll(tickets.lockedForScan(ticketIds));
            if (!ticketIds.isEmpty()) {
                em.createQuery("SELECT a FROM Admission a WHERE a.ticketId IN :tickets ORDER BY a.cycle DESC",
                                Admission.class).setParameter("tickets", ticketIds).getResultList()
                        .forEach(stay -> lastStays.putIfAbsent(List.of(stay.ticketId(), stay.listId()), stay));
            }
        }

        @Override
        public Scan earlier(ScanInput in) {
            return byNonce.get(in.nonce());
        }

        @Override
        public TicketCodes.Verified verify(String code, UUID eventId) {
            Object known = verified.get(code);
            if (known instanceof InvalidTicketCodeException e) {
                throw e;
            }
            return known == null ? codes.verify(code, eventId) : (TicketCodes.Verified) known;
        }

        @Override
        public Ticket lockedTicket(UUID ticketId) {
            return locked.containsKey(ticketId) ? locked.get(ticketId) : tickets.lockedForScan(ticketId);
        }

        @Override
        public Admission lastStay(UUID ticketId, UUID listId) {
            return lastStays.get(List.of(ticketId, listId));
        }

        @Override
        public void admitted(Admission stay) {
            em.persist(stay);
            lastStays.put(List.of(stay.ticketId(), stay.listId()), stay);
        }

        @Override
        public Scan recorded(Scan scan) {
            em.persist(scan);
            byNonce.put(scan.nonce(), scan);
            return scan;
        }
    }

    /** The answer a scan gave: rebuilt from the scan row, so a repeat of its nonce hears the same. */
    ScanAnswer answerOf(Scan scan) {
        Admission stay = scan.admissionId() == null ? null : em.find(Admission.class, scan.admissionId());
        Map<String, Object> details = new HashMap<>();
        if (scan.ticketId() != null) {
            details.put("ticketId", scan.ticketId().toString());
        }
        if (scan.listId() != null) {
            details.put("listId", scan.listId().toString());
        }
        return switch (scan.result()) {
            case ADMITTED, EXITED -> new ScanAnswer(passed(scan, stay), null);
            case ALREADY_CHECKED_IN, DUPLICATE -> {
                details.put("admittedAt", stay.admittedAt().toString());
                details.put("scanner", stay.scannerName());
                if (stay.gate() != null) {
                    details.put("gate", stay.gate());
                }
                details.put("entryCount", stay.cycle());
                yield new ScanAnswer(null, new ApiException(ErrorCode.ALREADY_CHECKED_IN,
                        "This ticket was admitted at " + stay.admittedAt() + " already", details));
            }
            case NOT_CHECKED_IN -> new ScanAnswer(null, new ApiException(ErrorCode.NOT_CHECKED_IN,
                    "This ticket is not inside: it cannot go out", details));
            case EXITS_NOT_SCANNED -> new ScanAnswer(null, new ApiException(ErrorCode.EXITS_NOT_SCANNED,
                    "This check-in list does not scan exits", details));
            case INVALID, REVOKED_ADMITTED -> {
                details.put("reason", scan.reason().name());
                yield new ScanAnswer(null, new ApiException(ErrorCode.TICKET_INVALID,
                        "This ticket does not admit here: " + scan.reason(), details));
            }
        };
    }

    /** The server's verdict on an offline scan, rebuilt from its scan row like {@link #answerOf}. */
    OfflineVerdict verdictOf(Scan scan) {
        Admission stay = scan.admissionId() == null ? null : em.find(Admission.class, scan.admissionId());
        OfflineVerdict.Kind kind = switch (scan.result()) {
            case ADMITTED, EXITED -> OfflineVerdict.Kind.ACCEPTED;
            case ALREADY_CHECKED_IN, DUPLICATE -> OfflineVerdict.Kind.DUPLICATE;
            case REVOKED_ADMITTED -> OfflineVerdict.Kind.REVOKED_ADMITTED;
            case INVALID, NOT_CHECKED_IN, EXITS_NOT_SCANNED -> OfflineVerdict.Kind.INVALID;
        };
        OfflineVerdict.FirstAdmission first = kind == OfflineVerdict.Kind.DUPLICATE
                ? new OfflineVerdict.FirstAdmission(stay.id(), stay.admittedAt(), stay.gate(), stay.scannerName(),
                !stay.admittedAt().isAfter(scan.scannedAt()))
                : null;
        String reason = scan.reason() != null ? scan.reason().name()
                : kind == OfflineVerdict.Kind.INVALID ? scan.result().name() : null;
        return new OfflineVerdict(scan.nonce(), kind, scan.result(), reason, scan.ticketId(), first);
    }

    private CheckinScanView passed(Scan scan, Admission stay) {
        Ticket ticket = em.find(Ticket.class, scan.ticketId());
        TicketTier tier = em.find(TicketTier.class, ticket.tierId());
        User holder = em.find(User.class, ticket.ownerId());
        CheckinList list = em.find(CheckinList.class, scan.listId());
        return new CheckinScanView(scan.result(), scan.direction(), ticket.id(), ticket.tierId(),
                tier == null ? null : tier.tierName(),
                holder == null ? null : (holder.firstName() + " " + holder.lastName()).trim(), stay.cycle(),
                list.id(), list.name(), scan.gate(), scan.scannedAt());
    }
}
