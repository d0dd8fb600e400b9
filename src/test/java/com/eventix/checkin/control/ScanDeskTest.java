package com.eventix.checkin.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.eventix.checkin.entity.CheckinList;
import com.eventix.checkin.entity.Refusal;
import com.eventix.tickets.entity.Ticket;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The order in which a scanned ticket's refusals are judged: its code, its status, then the list. */
class ScanDeskTest {
    private static final Instant NOW = Instant.parse("2026-06-01T18:00:00Z");
    private final UUID event = UUID.randomUUID();
    private final UUID tier = UUID.randomUUID();
    private final UUID owner = UUID.randomUUID();

    private Ticket ticket() {
        return new Ticket(UUID.randomUUID(), event, tier, UUID.randomUUID(), owner, "EVX1.x", NOW);
    }

    private CheckinList list(List<UUID> tiers, Instant closes) {
        return CheckinList.create(event, new CheckinList.Settings("Door", tiers, false, null, closes), NOW);
    }

    @Test
    void aValidTicketOnAnOpenListPasses() {
        assertThat(ScanDesk.refusal(ticket(), 1, list(List.of(), null), NOW)).isNull();
        // A manual check-in carries no code version.
        assertThat(ScanDesk.refusal(ticket(), null, list(List.of(tier), null), NOW)).isNull();
    }

    @Test
    void anOlderCodeIsRevokedBeforeAnythingElse() {
        Ticket transferred = ticket();
        transferred.transferTo(UUID.randomUUID(), v -> "EVX1.v" + v, NOW);
        assertThat(ScanDesk.refusal(transferred, 1, list(List.of(UUID.randomUUID()), NOW), NOW))
                .isEqualTo(Refusal.REVOKED);
        assertThat(ScanDesk.refusal(transferred, 2, list(List.of(), null), NOW)).isNull();
    }

    @Test
    void aRefundedTicketIsRefusedBeforeTheListIsAsked() {
        Ticket refunded = ticket();
        refunded.refund(owner);
        assertThat(ScanDesk.refusal(refunded, 1, list(List.of(UUID.randomUUID()), NOW), NOW))
                .isEqualTo(Refusal.REFUNDED);
    }

    @Test
    void theListSaysNotOnListOrClosed() {
        assertThat(ScanDesk.refusal(ticket(), 1, list(List.of(UUID.randomUUID()), null), NOW))
                .isEqualTo(Refusal.NOT_ON_LIST);
        assertThat(ScanDesk.refusal(ticket(), 1, list(List.of(), NOW), NOW)).isEqualTo(Refusal.LIST_CLOSED);
    }
}
