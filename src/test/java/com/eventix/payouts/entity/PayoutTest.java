package com.eventix.payouts.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eventix.platform.api.ApiException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PayoutTest {
    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final PayoutAccount STRIPE = new PayoutAccount(UUID.randomUUID(), "stripe", "acct_123", NOW);

    private static Payout scheduled() {
        return Payout.schedule(STRIPE.organizerId(), UUID.randomUUID(), "USD", 8500, STRIPE, NOW, NOW.plusSeconds(120));
    }

    @Test
    void aNewPayoutIsScheduledForTheAccountItWasMadeFor() {
        Payout payout = scheduled();
        assertThat(payout.status()).isEqualTo(Payout.Status.SCHEDULED);
        assertThat(payout.provider()).isEqualTo("stripe");
        assertThat(payout.destination()).isEqualTo("acct_123");
        assertThat(payout.attempts()).isZero();
        assertThatThrownBy(() -> Payout.schedule(STRIPE.organizerId(), UUID.randomUUID(), "USD", 0, STRIPE, NOW, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAnAttemptAfterAnotherIsInDoubt() {
        Payout payout = scheduled();
        assertThat(payout.startAttempt(NOW, NOW.plusSeconds(120))).as("first attempt").isFalse();
        assertThat(payout.status()).isEqualTo(Payout.Status.SENDING);
        payout.attemptFailed("unreachable", NOW.plusSeconds(1), NOW);
        assertThat(payout.status()).as("still SENDING: it may have reached the provider").isEqualTo(Payout.Status.SENDING);
        assertThat(payout.startAttempt(NOW.plusSeconds(1), NOW.plusSeconds(121))).as("second attempt").isTrue();
        assertThat(payout.attempts()).isEqualTo(2);
    }

    @Test
    void aPaidPayoutStaysPaidAndCannotBeSentAgain() {
        Payout payout = scheduled();
        payout.startAttempt(NOW, NOW.plusSeconds(120));
        payout.paid("tr_1", NOW);
        payout.paid("tr_1", NOW.plusSeconds(5));
        assertThat(payout.status()).isEqualTo(Payout.Status.PAID);
        assertThat(payout.providerTransferId()).isEqualTo("tr_1");
        assertThat(payout.nextAttemptAt()).isNull();
        assertThatThrownBy(() -> payout.startAttempt(NOW, NOW)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> payout.fail("late", NOW)).isInstanceOf(ApiException.class);
    }

    @Test
    void onlyAPayoutBeingSentCanBePaidPendOrFail() {
        assertThatThrownBy(() -> scheduled().paid("tr_1", NOW)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> scheduled().pending("tr_1", NOW, NOW)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> scheduled().fail("no", NOW)).isInstanceOf(ApiException.class);
        Payout failed = scheduled();
        failed.startAttempt(NOW, NOW);
        failed.fail("x".repeat(600), NOW);
        assertThat(failed.status()).isEqualTo(Payout.Status.FAILED);
        assertThat(failed.lastError()).hasSize(500);
        assertThatThrownBy(() -> failed.startAttempt(NOW, NOW)).isInstanceOf(ApiException.class);
    }

    @Test
    void accountIdsMustLookLikeTheProvidersOwn() {
        assertThat(PayoutAccount.valid("stripe", "acct_1Nv0FGQ9RKHgCVdK")).isTrue();
        assertThat(PayoutAccount.valid("stripe", "RCP_abc")).isFalse();
        assertThat(PayoutAccount.valid("paystack", "RCP_2x5j67tnnw1t98k")).isTrue();
        assertThat(PayoutAccount.valid("paystack", "acct_1")).isFalse();
        assertThat(PayoutAccount.valid("stripe", "acct_")).isFalse();
        assertThat(PayoutAccount.valid("stripe", "null")).isFalse();
        assertThat(PayoutAccount.valid("bank", "acct_1")).isFalse();
        assertThat(PayoutAccount.valid(null, null)).isFalse();
        assertThatThrownBy(() -> STRIPE.change("stripe", "acct_bad id", NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
