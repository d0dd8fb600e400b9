package com.eventix.payments.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LedgerSplitTest {
    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    @Test
    void anOrderOfOneEventGivesItAll() {
        assertThat(Ledger.split(Map.of(A, 5100L), 2550)).containsExactlyEntriesOf(Map.of(A, 2550L));
    }

    @Test
    void sharesFollowWhatEachEventWasPaidAndAddUpToTheAmountExactly() {
        Map<UUID, Long> shares = Ledger.split(Map.of(A, 1000L, B, 2000L, C, 3000L), 1001);
        assertThat(shares.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1001);
        // 166.83 / 333.67 / 500.5 rounded down, the 2 cents left over to the event paid most.
        assertThat(shares).containsEntry(A, 166L).containsEntry(B, 333L).containsEntry(C, 502L);
    }

    @Test
    void nothingToSplitGivesNothingAndTinyAmountsGoWhereTheyFit() {
        assertThat(Ledger.split(Map.of(A, 1000L), 0)).isEmpty();
        assertThat(Ledger.split(Map.of(), 100)).isEmpty();
        assertThat(Ledger.split(Map.of(A, 1000L, B, 3000L), 1)).containsExactlyEntriesOf(Map.of(B, 1L));
    }
}
