package com.eventix.payments.control.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long the sandbox waits before delivering an unacknowledged webhook again. */
class SandboxBackoffTest {
    @Test
    void theWaitDoublesAfterEachFailedAttemptUpToAnHour() {
        SandboxProvider sandbox = new SandboxProvider();
        sandbox.retryFirst = Duration.ofSeconds(10);
        assertThat(sandbox.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(sandbox.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(sandbox.backoff(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(sandbox.backoff(12)).isEqualTo(Duration.ofHours(1));
        assertThat(sandbox.backoff(400)).as("no overflow after days of retries").isEqualTo(Duration.ofHours(1));
    }
}
