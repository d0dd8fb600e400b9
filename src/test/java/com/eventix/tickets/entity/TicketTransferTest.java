package com.eventix.tickets.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class TicketTransferTest {
    private final Instant now = Instant.parse("2026-05-01T12:00:00Z");
    private final Duration lifetime = Duration.ofHours(72);
    private final Instant cutoff = now.plus(Duration.ofDays(10));
    private final UUID sender = UUID.randomUUID();
    private final UUID recipient = UUID.randomUUID();
    private final IntFunction<String> signer = version -> "EVX1.code-of-version-" + version;

    private Ticket ticket() {
        return new Ticket(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), sender,
                "EVX1.code-of-version-1", now.minus(Duration.ofDays(1)));
    }

    private TicketTransfer offer(Ticket ticket) {
        return TicketTransfer.offer(ticket, sender, "owner@eventix.test", " Friend@Eventix.test ", lifetime, cutoff, now);
    }

    private static void refused(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code()).isEqualTo(code);
    }

    private static void setStatus(Ticket ticket, Ticket.Status status) throws ReflectiveOperationException {
        Field field = Ticket.class.getDeclaredField("status");
        field.setAccessible(true);
        field.set(ticket, status);
    }

    @Test
    void anOfferIsPendingForItsLifetimeToTheNormalisedAddress() {
        Ticket ticket = ticket();
        TicketTransfer offer = offer(ticket);
        assertThat(offer.status(now)).isEqualTo(TicketTransfer.Status.PENDING);
        assertThat(offer.isOpen(now)).isTrue();
        assertThat(offer.recipientEmail()).isEqualTo("friend@eventix.test");
        assertThat(offer.isAddressedTo("FRIEND@eventix.test")).isTrue();
        assertThat(offer.isAddressedTo("someone@eventix.test")).isFalse();
        assertThat(offer.expiresAt()).isEqualTo(now.plus(lifetime));
        assertThat(offer.fromCodeVersion()).isEqualTo(1);
        assertThat(offer.ticketId()).isEqualTo(ticket.id());
        assertThat(offer.eventId()).isEqualTo(ticket.eventId());
        assertThat(offer.endedAt()).isNull();
    }

    @Test
    void anOfferNeverOutlivesTheCutoff() {
        Instant soonCutoff = now.plus(Duration.ofHours(5));
        TicketTransfer offer = TicketTransfer.offer(ticket(), sender, "owner@eventix.test", "friend@eventix.test",
                lifetime, soonCutoff, now);
        assertThat(offer.expiresAt()).isEqualTo(soonCutoff);
    }

    @Test
    void noOfferFromTheCutoffOn() {
        Ticket ticket = ticket();
        refused(ErrorCode.TRANSFER_CUTOFF_PASSED, () -> TicketTransfer.offer(ticket, sender, "owner@eventix.test",
                "friend@eventix.test", lifetime, now, now));
        refused(ErrorCode.TRANSFER_CUTOFF_PASSED, () -> TicketTransfer.offer(ticket, sender, "owner@eventix.test",
                "friend@eventix.test", lifetime, now.minusSeconds(1), now));
    }

    @Test
    void noOfferToOneself() {
        refused(ErrorCode.TRANSFER_TO_SELF, () -> TicketTransfer.offer(ticket(), sender, "owner@eventix.test",
                " OWNER@eventix.test", lifetime, cutoff, now));
    }

    @Test
    void onlyTheOwnerOffersAndOnlyAValidTicket() throws ReflectiveOperationException {
        Ticket ticket = ticket();
        assertThatThrownBy(() -> TicketTransfer.offer(ticket, UUID.randomUUID(), "x@eventix.test",
                "friend@eventix.test", lifetime, cutoff, now)).isInstanceOf(IllegalArgumentException.class);
        for (Ticket.Status used : List.of(Ticket.Status.CHECKED_IN, Ticket.Status.REFUNDED, Ticket.Status.CANCELLED)) {
            setStatus(ticket, used);
            assertThatThrownBy(() -> offer(ticket)).isInstanceOf(ApiException.class)
                    .satisfies(e -> {
                        assertThat(((ApiException) e).code()).isEqualTo(ErrorCode.TICKET_NOT_TRANSFERABLE);
                        assertThat(((ApiException) e).details()).containsEntry("status", used.name());
                    });
        }
    }

    @Test
    void acceptingMovesTheTicketToTheRecipientWithTheNextCodeVersion() {
        Ticket ticket = ticket();
        TicketTransfer offer = offer(ticket);
        Instant later = now.plus(Duration.ofHours(1));
        offer.accept(recipient, ticket, signer, cutoff, later);
        assertThat(offer.status(later)).isEqualTo(TicketTransfer.Status.ACCEPTED);
        assertThat(offer.recipientId()).isEqualTo(recipient);
        assertThat(offer.toCodeVersion()).isEqualTo(2);
        assertThat(offer.endedAt()).isEqualTo(later);
        assertThat(ticket.ownerId()).isEqualTo(recipient);
        assertThat(ticket.codeVersion()).isEqualTo(2);
        assertThat(ticket.qrCode()).isEqualTo("EVX1.code-of-version-2");
        assertThat(ticket.codeChangedAt()).isEqualTo(later);
        assertThat(ticket.status()).isEqualTo(Ticket.Status.VALID);
    }

    @Test
    void acceptingIsRefusedFromTheCutoffOnAndChangesNothing() {
        Ticket ticket = ticket();
        TicketTransfer offer = offer(ticket);
        Instant movedCutoff = now.plus(Duration.ofHours(1));
        refused(ErrorCode.TRANSFER_CUTOFF_PASSED, () -> offer.accept(recipient, ticket, signer, movedCutoff,
                movedCutoff));
        assertThat(offer.status(movedCutoff)).isEqualTo(TicketTransfer.Status.PENDING);
        assertThat(ticket.ownerId()).isEqualTo(sender);
        assertThat(ticket.codeVersion()).isEqualTo(1);
    }

    @Test
    void acceptingAUsedTicketIsRefusedAndChangesNothing() throws ReflectiveOperationException {
        Ticket ticket = ticket();
        TicketTransfer offer = offer(ticket);
        setStatus(ticket, Ticket.Status.CHECKED_IN);
        refused(ErrorCode.TICKET_NOT_TRANSFERABLE, () -> offer.accept(recipient, ticket, signer, cutoff, now));
        assertThat(offer.status(now)).isEqualTo(TicketTransfer.Status.PENDING);
        assertThat(ticket.ownerId()).isEqualTo(sender);
    }

    @Test
    void anOfferIsAcceptedOnlyForTheTicketAsItWasOffered() {
        Ticket ticket = ticket();
        TicketTransfer offer = offer(ticket);
        ticket.transferTo(UUID.randomUUID(), signer, now);
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> offer.accept(recipient, ticket, signer, cutoff, now));
        assertThatThrownBy(() -> offer.accept(recipient, ticket(), signer, cutoff, now))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void declinedByTheRecipientOrCancelledByTheSender() {
        TicketTransfer declined = offer(ticket());
        declined.decline(recipient, now);
        assertThat(declined.status(now)).isEqualTo(TicketTransfer.Status.DECLINED);
        assertThat(declined.recipientId()).isEqualTo(recipient);
        assertThat(declined.endedAt()).isEqualTo(now);

        TicketTransfer cancelled = offer(ticket());
        cancelled.cancel(now);
        assertThat(cancelled.status(now)).isEqualTo(TicketTransfer.Status.CANCELLED);
        assertThat(cancelled.recipientId()).isNull();
    }

    @Test
    void expiresAtItsExpiryAndNotBefore() {
        TicketTransfer offer = offer(ticket());
        Instant expiry = offer.expiresAt();
        assertThat(offer.status(expiry.minusMillis(1))).isEqualTo(TicketTransfer.Status.PENDING);
        assertThat(offer.status(expiry)).as("past its expiry, whatever is stored").isEqualTo(TicketTransfer.Status.EXPIRED);
        assertThat(offer.isOpen(expiry)).isFalse();
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> offer.expire(expiry.minusMillis(1)));
        offer.expire(expiry.plusSeconds(30));
        assertThat(offer.storedStatus()).isEqualTo(TicketTransfer.Status.EXPIRED);
        assertThat(offer.endedAt()).as("it ended at its expiry").isEqualTo(expiry);
    }

    @Test
    void anExpiredOfferCanNoLongerBeAcceptedDeclinedOrCancelled() {
        Ticket ticket = ticket();
        TicketTransfer offer = offer(ticket);
        Instant expiry = offer.expiresAt();
        assertThatThrownBy(() -> offer.accept(recipient, ticket, signer, cutoff, expiry))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> {
                    assertThat(((ApiException) e).code()).isEqualTo(ErrorCode.TRANSFER_NOT_PENDING);
                    assertThat(((ApiException) e).details()).containsEntry("status", "EXPIRED");
                });
        refused(ErrorCode.TRANSFER_NOT_PENDING, () -> offer.decline(recipient, expiry));
        refused(ErrorCode.TRANSFER_NOT_PENDING, () -> offer.cancel(expiry));
        assertThat(ticket.ownerId()).isEqualTo(sender);
    }

    @Test
    void endsExactlyOnce() {
        for (Consumer<TicketTransfer> end : endings()) {
            Ticket ticket = ticket();
            TicketTransfer offer = offer(ticket);
            end.accept(offer);
            TicketTransfer.Status ended = offer.storedStatus();
            Instant endedAt = offer.endedAt();
            Instant later = offer.expiresAt().plusSeconds(1);
            Instant beforeExpiry = offer.expiresAt().minusSeconds(1);
            refused(ErrorCode.TRANSFER_NOT_PENDING, () -> offer.accept(recipient, ticket, signer, cutoff, beforeExpiry));
            refused(ErrorCode.TRANSFER_NOT_PENDING, () -> offer.decline(recipient, beforeExpiry));
            refused(ErrorCode.TRANSFER_NOT_PENDING, () -> offer.cancel(beforeExpiry));
            refused(ErrorCode.TRANSFER_NOT_PENDING, () -> offer.expire(later));
            assertThat(offer.storedStatus()).isEqualTo(ended);
            assertThat(offer.status(later)).as("an ended offer keeps its end").isEqualTo(ended);
            assertThat(offer.endedAt()).isEqualTo(endedAt);
        }
    }

    private List<Consumer<TicketTransfer>> endings() {
        return List.of(
                o -> o.accept(recipient, ticketOf(o), signer, cutoff, now),
                o -> o.decline(recipient, now),
                o -> o.cancel(now),
                o -> o.expire(o.expiresAt()));
    }

    /** A ticket as the offer saw it (accepting checks the id, owner and version). */
    private Ticket ticketOf(TicketTransfer offer) {
        Ticket ticket = ticket();
        try {
            Field id = Ticket.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(ticket, offer.ticketId());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return ticket;
    }

    @Test
    void anOpenEarlierOfferBlocksANewOneAndAnExpiredOneMakesWay() {
        TicketTransfer open = offer(ticket());
        assertThatThrownBy(() -> open.makeWayForNewOffer(now)).isInstanceOf(ApiException.class)
                .satisfies(e -> {
                    assertThat(((ApiException) e).code()).isEqualTo(ErrorCode.TICKET_ALREADY_OFFERED);
                    assertThat(((ApiException) e).details()).containsEntry("transferId", open.id().toString());
                });
        assertThat(open.storedStatus()).isEqualTo(TicketTransfer.Status.PENDING);

        Instant expiry = open.expiresAt();
        open.makeWayForNewOffer(expiry);
        assertThat(open.storedStatus()).isEqualTo(TicketTransfer.Status.EXPIRED);

        TicketTransfer cancelled = offer(ticket());
        cancelled.cancel(now);
        cancelled.makeWayForNewOffer(now);
        assertThat(cancelled.storedStatus()).isEqualTo(TicketTransfer.Status.CANCELLED);
    }
}
