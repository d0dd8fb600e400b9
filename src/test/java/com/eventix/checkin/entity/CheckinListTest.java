package com.eventix.checkin.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eventix.platform.api.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CheckinListTest {
    private static final Instant NOW = Instant.parse("2026-06-01T18:00:00Z");
    private static final UUID EVENT = UUID.randomUUID();
    private static final UUID GENERAL = UUID.randomUUID();
    private static final UUID VIP = UUID.randomUUID();
    private static final Admission.Scanner DOOR = new Admission.Scanner(UUID.randomUUID(), null, "Door 1");

    private static CheckinList list(List<UUID> tiers, boolean exits, Instant opens, Instant closes) {
        return CheckinList.create(EVENT, new CheckinList.Settings("Door", tiers, exits, opens, closes), NOW);
    }

    private static Admission stay(CheckinList list, int cycle) {
        return new Admission(UUID.randomUUID(), EVENT, list.id(), cycle, NOW, "North", DOOR);
    }

    @Test
    void theDefaultListAdmitsEveryTierAtAnyTimeOnce() {
        CheckinList all = CheckinList.defaultOf(EVENT, NOW);
        assertThat(all.name()).isEqualTo("All tickets");
        assertThat(all.isDefault()).isTrue();
        assertThat(all.refusal(GENERAL, NOW)).isEmpty();
        assertThat(all.refusal(VIP, Instant.MAX)).isEmpty();
        assertThat(all.move(ScanDirection.ENTRY, null)).isEqualTo(CheckinList.Move.ENTER);
        Admission inside = stay(all, 1);
        assertThat(all.move(ScanDirection.ENTRY, inside)).isEqualTo(CheckinList.Move.ALREADY_INSIDE);
        assertThat(all.move(ScanDirection.EXIT, inside)).isEqualTo(CheckinList.Move.EXITS_NOT_SCANNED);
    }

    @Test
    void aListAdmitsOnlyItsTiers() {
        CheckinList vip = list(List.of(VIP), false, null, null);
        assertThat(vip.refusal(VIP, NOW)).isEmpty();
        assertThat(vip.refusal(GENERAL, NOW)).contains(Refusal.NOT_ON_LIST);
        assertThat(vip.tierIds()).isEqualTo(Set.of(VIP));
        assertThat(vip.allTiers()).isFalse();
        assertThat(list(List.of(), false, null, null).allTiers()).isTrue();
    }

    @Test
    void aListIsOpenFromItsOpeningUntilJustBeforeItsClosing() {
        Instant opens = NOW.minusSeconds(3600);
        CheckinList hours = list(List.of(), false, opens, NOW);
        assertThat(hours.refusal(GENERAL, opens.minusSeconds(1))).contains(Refusal.LIST_CLOSED);
        assertThat(hours.refusal(GENERAL, opens)).isEmpty();
        assertThat(hours.refusal(GENERAL, NOW.minusSeconds(1))).isEmpty();
        assertThat(hours.refusal(GENERAL, NOW)).contains(Refusal.LIST_CLOSED);
        assertThat(list(List.of(), false, null, NOW).isOpen(Instant.EPOCH)).isTrue();
        assertThat(list(List.of(), false, opens, null).isOpen(Instant.MAX)).isTrue();
        // The tier is judged before the hours: an off-list ticket is told so, even at a closed door.
        assertThat(list(List.of(VIP), false, opens, NOW).refusal(GENERAL, NOW)).contains(Refusal.NOT_ON_LIST);
    }

    @Test
    void aListClosesAfterItOpens() {
        assertThatThrownBy(() -> list(List.of(), false, NOW, NOW)).isInstanceOf(ApiException.class)
                .hasMessageContaining("closes after it opens");
        CheckinList ok = list(List.of(), false, null, null);
        assertThatThrownBy(() -> ok.apply(new CheckinList.Settings("x", List.of(), false, NOW, NOW.minusSeconds(1)),
                NOW)).isInstanceOf(ApiException.class);
    }

    @Test
    void withExitsATicketGoesInAndOutInCycles() {
        CheckinList lounge = list(List.of(), true, null, null);
        assertThat(lounge.move(ScanDirection.EXIT, null)).isEqualTo(CheckinList.Move.NOT_INSIDE);
        assertThat(lounge.move(ScanDirection.ENTRY, null)).isEqualTo(CheckinList.Move.ENTER);
        assertThat(CheckinList.nextCycle(null)).isEqualTo(1);

        Admission first = stay(lounge, 1);
        assertThat(lounge.move(ScanDirection.ENTRY, first)).isEqualTo(CheckinList.Move.ALREADY_INSIDE);
        assertThat(lounge.move(ScanDirection.EXIT, first)).isEqualTo(CheckinList.Move.LEAVE);
        first.exit(NOW.plusSeconds(60), "South");
        assertThat(first.isOpen()).isFalse();
        assertThat(first.exitGate()).isEqualTo("South");
        assertThat(lounge.move(ScanDirection.EXIT, first)).isEqualTo(CheckinList.Move.NOT_INSIDE);
        assertThat(lounge.move(ScanDirection.ENTRY, first)).isEqualTo(CheckinList.Move.ENTER);
        assertThat(CheckinList.nextCycle(first)).isEqualTo(2);
        assertThatThrownBy(() -> first.exit(NOW, "South")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void changedSettingsReplaceTheOldOnes() {
        CheckinList door = list(List.of(VIP), true, NOW, null);
        door.apply(new CheckinList.Settings("Main door", List.of(), false, null, null), NOW);
        assertThat(door.name()).isEqualTo("Main door");
        assertThat(door.tierIds()).isEmpty();
        assertThat(door.refusal(GENERAL, Instant.EPOCH)).isEmpty();
        assertThat(door.move(ScanDirection.EXIT, stay(door, 1))).isEqualTo(CheckinList.Move.EXITS_NOT_SCANNED);
    }
}
