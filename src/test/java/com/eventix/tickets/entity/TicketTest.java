package com.eventix.tickets.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketTest {
    private final Instant issued = Instant.parse("2026-05-01T12:00:00Z");
    private final UUID owner = UUID.randomUUID();

    private Ticket ticket() {
        return new Ticket(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), owner, "EVX1.first",
                issued);
    }

    @Test
    void anIssuedTicketIsValidWithItsFirstCodeVersion() {
        Ticket ticket = ticket();
        assertThat(ticket.status()).isEqualTo(Ticket.Status.VALID);
        assertThat(ticket.codeVersion()).isEqualTo(1);
        assertThat(ticket.codeChangedAt()).isEqualTo(issued);
    }

    @Test
    void aCheckedInTicketKeepsItsFirstAdmissionAndIsUsedFromThen() {
        Ticket ticket = ticket();
        Instant door = issued.plusSeconds(3600);
        ticket.checkIn(door);
        ticket.checkIn(door.plusSeconds(600));
        assertThat(ticket.status()).isEqualTo(Ticket.Status.CHECKED_IN);
        assertThat(ticket.checkedInAt()).isEqualTo(door);
        assertThat(ticket.refundRefusal(owner)).contains("CHECKED_IN");
        assertThatThrownBy(ticket::requireTransferable).isInstanceOf(ApiException.class);

        Ticket refunded = ticket();
        refunded.refund(owner);
        assertThatThrownBy(() -> refunded.checkIn(door)).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code()).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION);
        assertThat(refunded.status()).isEqualTo(Ticket.Status.REFUNDED);
    }

    @Test
    void eachTransferSignsTheNextVersionForTheNewOwner() {
        Ticket ticket = ticket();
        List<Integer> signed = new ArrayList<>();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Instant t1 = issued.plusSeconds(60);
        Instant t2 = issued.plusSeconds(120);
        ticket.transferTo(first, version -> {
            signed.add(version);
            return "EVX1.v" + version;
        }, t1);
        ticket.transferTo(second, version -> {
            signed.add(version);
            return "EVX1.v" + version;
        }, t2);
        assertThat(signed).containsExactly(2, 3);
        assertThat(ticket.ownerId()).isEqualTo(second);
        assertThat(ticket.codeVersion()).isEqualTo(3);
        assertThat(ticket.qrCode()).isEqualTo("EVX1.v3");
        assertThat(ticket.codeChangedAt()).isEqualTo(t2);
        assertThat(ticket.status()).isEqualTo(Ticket.Status.VALID);
    }

    @Test
    void aTicketIsNotTransferredToItsOwnerNorWhenUsedOrVoided() throws ReflectiveOperationException {
        Ticket ticket = ticket();
        assertThatThrownBy(() -> ticket.transferTo(owner, v -> "EVX1.x", issued)).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code()).isEqualTo(ErrorCode.TRANSFER_TO_SELF);
        Field status = Ticket.class.getDeclaredField("status");
        status.setAccessible(true);
        for (Ticket.Status used : List.of(Ticket.Status.CHECKED_IN, Ticket.Status.REFUNDED, Ticket.Status.CANCELLED)) {
            status.set(ticket, used);
            assertThatThrownBy(() -> ticket.transferTo(UUID.randomUUID(), v -> "EVX1.x", issued))
                    .isInstanceOf(ApiException.class)
                    .extracting(e -> ((ApiException) e).code()).isEqualTo(ErrorCode.TICKET_NOT_TRANSFERABLE);
        }
        assertThat(ticket.ownerId()).isEqualTo(owner);
        assertThat(ticket.codeVersion()).isEqualTo(1);
        assertThat(ticket.qrCode()).isEqualTo("EVX1.first");
    }

    @Test
    void aCancelledEventVoidsItsTicketsOnceWhoeverHoldsThem() {
        Ticket ticket = ticket();
        ticket.transferTo(UUID.randomUUID(), version -> "EVX1.v" + version, issued);
        assertThat(ticket.cancel()).isTrue();
        assertThat(ticket.status()).isEqualTo(Ticket.Status.CANCELLED);
        assertThat(ticket.cancel()).as("cancelled already").isFalse();
        assertThat(ticket.refundRefusal(owner)).contains("CANCELLED");
        assertThatThrownBy(ticket::requireTransferable).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code()).isEqualTo(ErrorCode.TICKET_NOT_TRANSFERABLE);

        Ticket refunded = ticket();
        refunded.refund(owner);
        assertThat(refunded.cancel()).as("void already: stays refunded").isFalse();
        assertThat(refunded.status()).isEqualTo(Ticket.Status.REFUNDED);
    }
}
