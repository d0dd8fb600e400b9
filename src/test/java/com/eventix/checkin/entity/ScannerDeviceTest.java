package com.eventix.checkin.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScannerDeviceTest {
    private static final Instant NOW = Instant.parse("2026-06-01T18:00:00Z");

    @Test
    void aDeviceScansForItsListsOrAllAndStopsOnceRevoked() {
        UUID vip = UUID.randomUUID();
        ScannerDevice anyList = new ScannerDevice(UUID.randomUUID(), "Phone", null, null, "h1", UUID.randomUUID(), NOW);
        ScannerDevice vipOnly = new ScannerDevice(UUID.randomUUID(), "Phone", "VIP", List.of(vip), "h2",
                UUID.randomUUID(), NOW);
        assertThat(anyList.scansFor(UUID.randomUUID())).isTrue();
        assertThat(vipOnly.scansFor(vip)).isTrue();
        assertThat(vipOnly.scansFor(UUID.randomUUID())).isFalse();

        assertThat(anyList.isActive()).isTrue();
        anyList.revoke(NOW);
        anyList.revoke(NOW.plusSeconds(60));
        assertThat(anyList.isActive()).isFalse();
        assertThat(anyList.revokedAt()).isEqualTo(NOW);
    }
}
