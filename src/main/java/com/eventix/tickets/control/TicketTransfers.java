package com.eventix.tickets.control;

import com.eventix.events.entity.Event;
import com.eventix.events.entity.TicketTier;
import com.eventix.identity.control.Users;
import com.eventix.identity.entity.User;
import com.eventix.notifications.control.Notifications;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.api.Page;
import com.eventix.platform.api.RetryLaterException;
import com.eventix.platform.audit.AuditLog;
import com.eventix.platform.audit.RequestOrigin;
import com.eventix.platform.redis.RateLimiter;
import com.eventix.tickets.entity.Ticket;
import com.eventix.tickets.entity.TicketTransfer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ticket transfers: the owner offers a ticket to an email address, the account with that verified address accepts
 * or declines, the sender may cancel, offers expire after TRANSFER_OFFER_TTL and never past TRANSFER_CUTOFF before
 * the event starts. Accepting moves the ticket to its new owner with a new code of the next version, mails that
 * code and announces {@link TicketTransferred}, all in one transaction.
 *
 * <p>Every change locks the ticket row first, then the offer's: offers, acceptances, declines and cancellations of
 * one ticket run one after the other, and whoever comes second finds the offer already ended. The database holds
 * at most one pending offer per ticket (a partial unique index) besides.
 */
@ApplicationScoped
public class TicketTransfers {
    static final String RESOURCE = "ticket_transfer";
    private static final String ONE_PENDING_INDEX = "ticket_transfers_one_pending_idx";
    private static final String VIEW_SELECT = "SELECT tr, e.title, e.startTime, tt.tierName, u.firstName, u.lastName "
            + "FROM TicketTransfer tr, Ticket t, Event e, TicketTier tt, User u "
            + "WHERE t.id = tr.ticketId AND e.id = tr.eventId AND tt.id = t.tierId AND u.id = tr.senderId";
    private static final String OPEN = " AND tr.status = :pending AND tr.expiresAt > :now";

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    TicketCodes codes;
    @Inject
    QrImages qrImages;
    @Inject
    Users users;
    @Inject
    Notifications notifications;
    @Inject
    AuditLog audit;
    @Inject
    RateLimiter rateLimiter;
    @Inject
    Clock clock;
    @Inject
    jakarta.enterprise.event.Event<TicketTransferred> transferred;
    @Inject
    @ConfigProperty(name = "TRANSFER_OFFER_TTL")
    Duration offerLifetime;
    @Inject
    @ConfigProperty(name = "TRANSFER_CUTOFF")
    Duration cutoff;
    @Inject
    @ConfigProperty(name = "TRANSFER_OFFER_URL")
    String offerUrl;
    @Inject
    @ConfigProperty(name = "RATE_LIMIT_TRANSFER_OFFERS_PER_HOUR")
    int offersPerHour;

    /**
     * The owner offers a ticket to {@code recipientEmail}, and the invitation is mailed there. 404 for a ticket that
     * is not the caller's; refused for a used or voided ticket, a cancelled event, from the cutoff on, to oneself,
     * and while another offer of the ticket is open.
     */
    @Transactional
    public TicketTransferView offer(UUID senderId, UUID ticketId, String recipientEmail, RequestOrigin origin) {
        // Each offer mails a stranger: a per-user hourly limit keeps this from becoming a way to send spam.
        rateLimiter.acquire("transfer-offer", senderId.toString(), offersPerHour, Duration.ofHours(1));
        Instant now = clock.instant();
        Ticket ticket = em.find(Ticket.class, ticketId, LockModeType.PESSIMISTIC_WRITE);
        if (ticket == null || !ticket.ownerId().equals(senderId)) {
            throw ApiException.notFound("Ticket");
        }
        Event event = notCancelled(ticket);
        User sender = users.get(senderId);
        List<TicketTransfer> earlier = em.createQuery("SELECT tr FROM TicketTransfer tr WHERE tr.ticketId = :ticket "
                        + "AND tr.status = :pending", TicketTransfer.class)
                .setParameter("ticket", ticketId).setParameter("pending", TicketTransfer.Status.PENDING)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        earlier.forEach(offer -> offer.makeWayForNewOffer(now));
        // The expired offer must leave the pending index before the new one enters it.
        em.flush();
        TicketTransfer offer = TicketTransfer.offer(ticket, senderId, sender.email(), recipientEmail, offerLifetime,
                cutoffOf(event), now);
        em.persist(offer);
        flushRefusingSecondOffer(ticketId);
        invite(offer, sender, event, tierName(ticket));
        audit.success(senderId, "TICKET_TRANSFER_OFFERED", RESOURCE, offer.id(), origin,
                "ticket " + ticketId + " to " + offer.recipientEmail());
        return view(offer.id(), now);
    }

    /**
     * The recipient takes the ticket: it becomes theirs with a new code of the next version (the old code is void),
     * mailed to them with its QR image; the sender is told. Answers the ticket as its new owner sees it.
     */
    @Transactional
    public Ticket accept(UUID userId, UUID transferId, RequestOrigin origin) {
        Instant now = clock.instant();
        Received received = received(userId, transferId);
        User recipient = received.recipient();
        TicketTransfer offer = received.offer();
        Ticket ticket = received.ticket();
        Event event = notCancelled(ticket);
        offer.accept(userId, ticket, version -> codes.issue(ticket.id(), ticket.eventId(), ticket.tierId(), version),
                cutoffOf(event), now);
        User sender = users.get(offer.senderId());
        String what = event.title() + " (" + tierName(ticket) + ", " + event.startTime() + ")";
        notifications.email(userId, recipient.email(), "TICKET_TRANSFER_RECEIVED", "Your ticket for " + event.title(),
                "Hello " + recipient.firstName() + ",\n\n" + fullName(sender) + " transferred a ticket for " + what
                        + " to you.\n\nTicket " + ticket.id() + " (QR code attached). Show the QR code at the entrance; "
                        + "the ticket is also in the app under My tickets.\n",
                List.of(new Notifications.Attachment("ticket-" + ticket.id() + ".png", "image/png",
                        qrImages.png(ticket.qrCode()))));
        notifications.email(sender.id(), sender.email(), "TICKET_TRANSFER_ACCEPTED",
                "Your ticket for " + event.title() + " was transferred",
                "Hello " + sender.firstName() + ",\n\n" + offer.recipientEmail() + " accepted your ticket " + ticket.id()
                        + " for " + what + ". It is no longer in your account, and its earlier QR code no longer "
                        + "admits anyone.\n");
        audit.success(userId, "TICKET_TRANSFER_ACCEPTED", RESOURCE, offer.id(), origin,
                "ticket " + ticket.id() + " from " + sender.id() + ", code version " + ticket.codeVersion());
        transferred.fire(new TicketTransferred(offer.id(), ticket.id(), ticket.eventId(), sender.id(), userId,
                ticket.codeVersion(), now));
        return ticket;
    }

    /** The recipient turns the offer down; the ticket stays with its sender, who is told. */
    @Transactional
    public TicketTransferView decline(UUID userId, UUID transferId, RequestOrigin origin) {
        Instant now = clock.instant();
        TicketTransfer offer = received(userId, transferId).offer();
        offer.decline(userId, now);
        User sender = users.get(offer.senderId());
        notifications.email(sender.id(), sender.email(), "TICKET_TRANSFER_DECLINED", "Your ticket offer was declined",
                "Hello " + sender.firstName() + ",\n\n" + offer.recipientEmail() + " declined your ticket "
                        + offer.ticketId() + ". It stays yours; you may offer it to someone else.\n");
        audit.success(userId, "TICKET_TRANSFER_DECLINED", RESOURCE, offer.id(), origin, "ticket " + offer.ticketId());
        return view(offer.id(), now);
    }

    /** The sender withdraws a pending offer. */
    @Transactional
    public TicketTransferView cancel(UUID userId, UUID transferId, RequestOrigin origin) {
        Instant now = clock.instant();
        TicketTransfer offer = em.find(TicketTransfer.class, transferId);
        if (offer == null || !offer.senderId().equals(userId)) {
            throw notFound();
        }
        locked(offer);
        offer.cancel(now);
        audit.success(userId, "TICKET_TRANSFER_CANCELLED", RESOURCE, offer.id(), origin, "ticket " + offer.ticketId());
        return view(offer.id(), now);
    }

    /** One offer, for its sender or its recipient (with a verified address); "not found" for anybody else. */
    public TicketTransferView get(UUID userId, UUID transferId) {
        TicketTransfer offer = em.find(TicketTransfer.class, transferId);
        if (offer == null || !offer.senderId().equals(userId)) {
            addressedTo(users.get(userId), transferId);
        }
        return view(transferId, clock.instant());
    }

    /** The open offers made to the caller's verified address (INCOMING) or by the caller (OUTGOING), newest first. */
    public TicketTransferPage open(UUID userId, TransferRole role, int page, int size) {
        Page.checkRequest(page, size);
        String whose;
        Object who;
        if (role == TransferRole.INCOMING) {
            User user = users.get(userId);
            requireVerified(user);
            whose = " AND tr.recipientEmail = :who";
            who = user.email();
        } else {
            whose = " AND tr.senderId = :who";
            who = userId;
        }
        Instant now = clock.instant();
        long total = openOffers(em.createQuery("SELECT COUNT(tr) FROM TicketTransfer tr WHERE 1 = 1" + whose + OPEN,
                Long.class), who, now).getSingleResult();
        List<TicketTransferView> items = openOffers(em.createQuery(VIEW_SELECT + whose + OPEN
                        + " ORDER BY tr.createdAt DESC, tr.id", Object[].class), who, now)
                .setFirstResult((page - 1) * size).setMaxResults(size).getResultList().stream()
                .map(row -> view(row, now)).toList();
        return TicketTransferPage.of(new Page<>(items, page, size, total));
    }

    /**
     * Runs a transfer action, which opens its own transaction, and records its refusal in the audit log after the
     * action's transaction has rolled back (rate limiting is not a refusal of the action).
     */
    public <T> T auditingRefusal(UUID actorId, String action, String resourceType, UUID resourceId, RequestOrigin origin,
                                 Supplier<T> run) {
        try {
            return run.get();
        } catch (ApiException e) {
            if (!(e instanceof RetryLaterException)) {
                try {
                    audit.failure(actorId, action, resourceType, resourceId, origin, e.code().name());
                } catch (RuntimeException auditFailed) {
                    e.addSuppressed(auditFailed);
                }
            }
            throw e;
        }
    }

    private static <T> TypedQuery<T> openOffers(TypedQuery<T> query, Object who, Instant now) {
        return query.setParameter("who", who).setParameter("pending", TicketTransfer.Status.PENDING)
                .setParameter("now", now);
    }

    /** An offer made to its recipient's verified address, with its ticket, both locked. */
    private record Received(User recipient, TicketTransfer offer, Ticket ticket) {
    }

    private Received received(UUID userId, UUID transferId) {
        User recipient = users.get(userId);
        TicketTransfer offer = addressedTo(recipient, transferId);
        return new Received(recipient, offer, locked(offer));
    }

    /** The offer if it was made to this user's address, which must be verified; "not found" otherwise. */
    private TicketTransfer addressedTo(User user, UUID transferId) {
        TicketTransfer offer = em.find(TicketTransfer.class, transferId);
        if (offer == null || !offer.isAddressedTo(user.email())) {
            throw notFound();
        }
        requireVerified(user);
        return offer;
    }

    /**
     * Offers go to an address, not an account: only someone who proved they read mail there may act on them, so an
     * account opened with another person's address cannot take their tickets.
     */
    private static void requireVerified(User user) {
        if (!user.isEmailVerified()) {
            throw new ApiException(ErrorCode.ACCOUNT_EMAIL_UNVERIFIED, "Confirm your email address first: transfer "
                    + "offers are for the account that has verified the address they were sent to");
        }
    }

    /** Locks the offer's ticket, then the offer (re-read under the lock); answers the ticket. */
    private Ticket locked(TicketTransfer offer) {
        Ticket ticket = em.find(Ticket.class, offer.ticketId(), LockModeType.PESSIMISTIC_WRITE);
        em.refresh(offer, LockModeType.PESSIMISTIC_WRITE);
        return ticket;
    }

    private Event notCancelled(Ticket ticket) {
        Event event = em.find(Event.class, ticket.eventId());
        if (event.status() == Event.Status.CANCELLED) {
            throw new ApiException(ErrorCode.TICKET_NOT_TRANSFERABLE, "The event was cancelled",
                    Map.of("eventStatus", event.status().name()));
        }
        return event;
    }

    private String tierName(Ticket ticket) {
        return em.find(TicketTier.class, ticket.tierId()).tierName();
    }

    private Instant cutoffOf(Event event) {
        return event.startTime().minus(cutoff);
    }

    /** The pending-offer index refuses a second open offer that got past the ticket lock: the same refusal. */
    private void flushRefusingSecondOffer(UUID ticketId) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t.getMessage() != null && t.getMessage().contains(ONE_PENDING_INDEX)) {
                    throw new ApiException(ErrorCode.TICKET_ALREADY_OFFERED, "This ticket is already offered to "
                            + "someone; cancel that offer first", Map.of("ticketId", ticketId.toString()));
                }
            }
            throw e;
        }
    }

    private void invite(TicketTransfer offer, User sender, Event event, String tierName) {
        String link = offerUrl.replaceAll("/+$", "") + "/" + offer.id();
        UUID recipientId = users.byEmail(offer.recipientEmail()).map(User::id).orElse(null);
        notifications.email(recipientId, offer.recipientEmail(), "TICKET_TRANSFER_OFFER",
                fullName(sender) + " is offering you a ticket for " + event.title(),
                "Hello,\n\n" + fullName(sender) + " would like to give you a ticket for " + event.title() + " ("
                        + tierName + "), on " + event.startTime() + " at " + event.location() + ".\n\n"
                        + "See the offer, and accept or decline it, before " + offer.expiresAt() + ":\n" + link + "\n\n"
                        + "Accept it signed in to Eventix with this address (" + offer.recipientEmail() + "). No account "
                        + "yet? Register with this address and confirm it with the link we send you; the offer then "
                        + "waits among your incoming transfers.\n"
                        + "(From an app: POST /api/v1/tickets/transfers/" + offer.id() + "/accept or /decline.)\n\n"
                        + "If you do not know the sender, ignore this email: the offer expires by itself.\n");
    }

    private TicketTransferView view(UUID transferId, Instant now) {
        return view(em.createQuery(VIEW_SELECT + " AND tr.id = :id", Object[].class).setParameter("id", transferId)
                .getSingleResult(), now);
    }

    private static TicketTransferView view(Object[] row, Instant now) {
        TicketTransfer t = (TicketTransfer) row[0];
        return new TicketTransferView(t.id(), t.ticketId(), t.eventId(), (String) row[1], (Instant) row[2],
                (String) row[3], row[4] + " " + row[5], t.recipientEmail(), t.status(now), t.expiresAt(),
                t.createdAt(), t.endedAt());
    }

    private static String fullName(User user) {
        return user.firstName() + " " + user.lastName();
    }

    private static ApiException notFound() {
        return ApiException.notFound("Transfer offer");
    }
}
