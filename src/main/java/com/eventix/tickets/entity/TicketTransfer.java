package com.eventix.tickets.entity;

import com.eventix.identity.entity.User;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.persistence.InstantConverter;
import com.eventix.platform.persistence.OptionalUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A ticket's owner offers it to an email address. The offer is open (PENDING) until its expiry, which never lies
 * past the event's transfer cutoff; it ends exactly once: ACCEPTED by the account with that address (the ticket
 * then changes owner and code version), DECLINED by that account, CANCELLED by the sender, or EXPIRED. An offer
 * past its expiry is expired whatever its stored status says; the row is marked EXPIRED when the ticket is offered
 * again.
 */
@Entity
@Table(name = "ticket_transfers")
public class TicketTransfer {
    /** Named for the API document: every enum called Status would otherwise share one schema there. */
    @Schema(name = "TicketTransferStatus")
    public enum Status { PENDING, ACCEPTED, DECLINED, CANCELLED, EXPIRED }

    @Id
    private UUID id;
    @Column(name = "ticket_id", nullable = false)
    private UUID ticketId;
    @Column(name = "event_id", nullable = false)
    private UUID eventId;
    @Column(name = "sender_id", nullable = false)
    private UUID senderId;
    @Column(name = "recipient_email", nullable = false)
    private String recipientEmail;
    @Column(name = "recipient_id")
    @Convert(converter = OptionalUuidConverter.class)
    private UUID recipientId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "from_code_version", nullable = false)
    private int fromCodeVersion;
    @Column(name = "to_code_version")
    private Integer toCodeVersion;
    @Column(name = "expires_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant expiresAt;
    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;
    @Column(name = "ended_at")
    @Convert(converter = InstantConverter.class)
    private Instant endedAt;

    protected TicketTransfer() {
    }

    /**
     * The owner ({@code sender}, whose address is {@code senderEmail}) offers {@code ticket} to
     * {@code recipientEmail}. Open for {@code lifetime}, but never past {@code cutoffAt}, when transfers of the
     * event close. Refused for a ticket that is not VALID, to the sender's own address, and from the cutoff on.
     */
    public static TicketTransfer offer(Ticket ticket, UUID sender, String senderEmail, String recipientEmail,
                                       Duration lifetime, Instant cutoffAt, Instant now) {
        if (!ticket.ownerId().equals(sender)) {
            throw new IllegalArgumentException("Only the owner offers a ticket");
        }
        ticket.requireTransferable();
        String to = User.normalizeEmail(recipientEmail);
        if (to == null || to.isEmpty()) {
            throw new IllegalArgumentException("An offer needs a recipient address");
        }
        if (to.equals(User.normalizeEmail(senderEmail))) {
            throw new ApiException(ErrorCode.TRANSFER_TO_SELF, "You cannot transfer a ticket to yourself");
        }
        requireBefore(cutoffAt, now);
        TicketTransfer offer = new TicketTransfer();
        offer.id = UUID.randomUUID();
        offer.ticketId = ticket.id();
        offer.eventId = ticket.eventId();
        offer.senderId = sender;
        offer.recipientEmail = to;
        offer.status = Status.PENDING;
        offer.fromCodeVersion = ticket.codeVersion();
        Instant lapse = now.plus(lifetime);
        offer.expiresAt = lapse.isBefore(cutoffAt) ? lapse : cutoffAt;
        offer.createdAt = now;
        return offer;
    }

    /**
     * This earlier offer of the same ticket stands in the way of a new one: refused (409 TICKET_ALREADY_OFFERED)
     * while it is open; expired now if its time has run out.
     */
    public void makeWayForNewOffer(Instant now) {
        if (isOpen(now)) {
            throw new ApiException(ErrorCode.TICKET_ALREADY_OFFERED, "This ticket is already offered to someone; "
                    + "cancel that offer first", Map.of("transferId", id.toString(), "expiresAt", expiresAt.toString()));
        }
        if (status == Status.PENDING) {
            expire(now);
        }
    }

    /**
     * The recipient ({@code recipient}: the account with the offer's address) takes the ticket: it becomes theirs
     * with a new code of the next version, signed by {@code signer}. Refused once the offer has ended or expired,
     * from the event's transfer cutoff on, and when the ticket is no longer transferable.
     */
    public void accept(UUID recipient, Ticket ticket, IntFunction<String> signer, Instant cutoffAt, Instant now) {
        requireOpen(now);
        if (!ticket.id().equals(ticketId)) {
            throw new IllegalArgumentException("Offer " + id + " is not for ticket " + ticket.id());
        }
        if (!ticket.ownerId().equals(senderId) || ticket.codeVersion() != fromCodeVersion) {
            throw new ApiException(ErrorCode.INVALID_STATE_TRANSITION, "The ticket has changed since it was offered");
        }
        requireBefore(cutoffAt, now);
        ticket.transferTo(recipient, signer, now);
        end(Status.ACCEPTED, now);
        recipientId = recipient;
        toCodeVersion = ticket.codeVersion();
    }

    /** The recipient ({@code recipient}: the account with the offer's address) turns the offer down. */
    public void decline(UUID recipient, Instant now) {
        requireOpen(now);
        end(Status.DECLINED, now);
        recipientId = recipient;
    }

    /** The sender withdraws the offer. */
    public void cancel(Instant now) {
        requireOpen(now);
        end(Status.CANCELLED, now);
    }

    /** The offer's time has run out (it ended at its expiry). */
    public void expire(Instant now) {
        if (status != Status.PENDING) {
            throw notPending(status);
        }
        if (now.isBefore(expiresAt)) {
            throw new ApiException(ErrorCode.INVALID_STATE_TRANSITION, "The offer has not expired yet");
        }
        end(Status.EXPIRED, expiresAt);
    }

    /** Open: pending and not expired. */
    public boolean isOpen(Instant now) {
        return status == Status.PENDING && now.isBefore(expiresAt);
    }

    /** The status as of {@code now}: a pending offer past its expiry is EXPIRED. */
    public Status status(Instant now) {
        return status == Status.PENDING && !now.isBefore(expiresAt) ? Status.EXPIRED : status;
    }

    /** Whether {@code email} is the address the offer was made to. */
    public boolean isAddressedTo(String email) {
        return recipientEmail.equals(User.normalizeEmail(email));
    }

    private void requireOpen(Instant now) {
        if (!isOpen(now)) {
            throw notPending(status(now));
        }
    }

    private static ApiException notPending(Status status) {
        return new ApiException(ErrorCode.TRANSFER_NOT_PENDING, "This transfer offer is " + status.name()
                .toLowerCase(Locale.ROOT), Map.of("status", status.name()));
    }

    private static void requireBefore(Instant cutoffAt, Instant now) {
        if (!now.isBefore(cutoffAt)) {
            throw new ApiException(ErrorCode.TRANSFER_CUTOFF_PASSED, "Tickets of this event can no longer be "
                    + "transferred: transfers closed at " + cutoffAt, Map.of("cutoff", cutoffAt.toString()));
        }
    }

    private void end(Status to, Instant at) {
        status = to;
        endedAt = at;
    }

    public UUID id() {
        return id;
    }

    public UUID ticketId() {
        return ticketId;
    }

    public UUID eventId() {
        return eventId;
    }

    public UUID senderId() {
        return senderId;
    }

    public String recipientEmail() {
        return recipientEmail;
    }

    public UUID recipientId() {
        return recipientId;
    }

    /** The stored status; see {@link #status(Instant)} for the status as of a moment. */
    public Status storedStatus() {
        return status;
    }

    public int fromCodeVersion() {
        return fromCodeVersion;
    }

    public Integer toCodeVersion() {
        return toCodeVersion;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant endedAt() {
        return endedAt;
    }
}
