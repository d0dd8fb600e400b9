package com.eventix.payments.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.eventix.payments.entity.LedgerEntry.Kind;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LedgerBalanceTest {
    @Test
    void aBalanceBreaksItsSumsDownByWhatTheyAre() {
        Map<Kind, Long> byKind = new EnumMap<>(Kind.class);
        byKind.put(Kind.CAPTURED, 10_000L);
        byKind.put(Kind.REFUNDED, -2_500L);
        byKind.put(Kind.PLATFORM_FEE, -375L);
        byKind.put(Kind.PROVIDER_FEE, -120L);
        byKind.put(Kind.DISPUTED, -1_000L);
        byKind.put(Kind.DISPUTE_REVERSED, 1_000L);
        byKind.put(Kind.PAYOUT, -5_000L);
        byKind.put(Kind.PAYOUT_RETURNED, 2_000L);
        Ledger.Balance balance = new Ledger.Balance(UUID.randomUUID(), "USD", byKind);

        assertThat(balance.captured()).isEqualTo(10_000);
        assertThat(balance.refunded()).isEqualTo(-2_500);
        assertThat(balance.platformFees()).isEqualTo(-375);
        assertThat(balance.providerFees()).isEqualTo(-120);
        assertThat(balance.fees()).isEqualTo(-495);
        assertThat(balance.disputes()).isZero();
        assertThat(balance.paidOut()).isEqualTo(-3_000);
        assertThat(balance.total()).isEqualTo(balance.captured() + balance.refunded() + balance.fees()
                + balance.disputes() + balance.paidOut());
    }

    @Test
    void kindsWithNoEntryCountAsZero() {
        Ledger.Balance empty = new Ledger.Balance(UUID.randomUUID(), "EUR", Map.of());
        assertThat(empty.captured()).isZero();
        assertThat(empty.fees()).isZero();
        assertThat(empty.disputes()).isZero();
        assertThat(empty.paidOut()).isZero();
        assertThat(empty.total()).isZero();
    }
}
