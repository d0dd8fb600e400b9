package com.eventix.payments.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eventix.platform.api.ApiException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentTest {
    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    private static Payment authorized() {
        Payment payment = new Payment(UUID.randomUUID(), "stripe", new BigDecimal("51.00"), "USD", NOW);
        payment.authorize("cs_test_1", "https://checkout.stripe.com/c/pay/cs_test_1", NOW);
        return payment;
    }

    @Test
    void followsTheSpecifiedMachine() {
        Payment payment = authorized();
        payment.complete(NOW);
        assertThat(payment.status()).isEqualTo(Payment.Status.COMPLETED);
        assertThat(payment.paidAt()).isEqualTo(NOW);
        payment.startRefund(NOW);
        payment.refundAccepted("re_1", false, NOW);
        assertThat(payment.status()).isEqualTo(Payment.Status.REFUNDING);
        assertThat(payment.refundReference()).isEqualTo("re_1");
        payment.refunded(NOW);
        assertThat(payment.status()).isEqualTo(Payment.Status.REFUNDED);
    }

    @Test
    void aChargebackHoldsACompletedPaymentUntilItIsWonAndRemembersTheChargeItNamed() {
        Payment payment = authorized();
        assertThatThrownBy(() -> payment.disputed(NOW)).as("nothing was paid yet").isInstanceOf(ApiException.class);
        payment.complete(NOW);
        payment.chargedAs("pi_1");
        payment.chargedAs("pi_other");
        assertThat(payment.chargeReference()).isEqualTo("pi_1");
        payment.disputed(NOW);
        assertThat(payment.status()).isEqualTo(Payment.Status.DISPUTED);
        assertThat(payment.captured(new BigDecimal("51.00"), "USD", NOW)).isEqualTo(Payment.Capture.ALREADY_SETTLED);
        assertThatThrownBy(() -> payment.startRefund(NOW)).isInstanceOf(ApiException.class);
        payment.disputeWon(NOW);
        assertThat(payment.status()).isEqualTo(Payment.Status.COMPLETED);
    }

    @Test
    void refusesMovesOutsideTheMachine() {
        Payment payment = authorized();
        assertThatThrownBy(() -> payment.startRefund(NOW)).isInstanceOf(ApiException.class);
        payment.fail("declined", NOW);
        assertThatThrownBy(() -> payment.complete(NOW)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> payment.refundAttempted(NOW)).isInstanceOf(ApiException.class);
    }

    @Test
    void moneyTakenOnAFailedAttemptIsOwedBack() {
        Payment payment = authorized();
        payment.fail("declined", NOW);
        payment.refundCaptured(NOW);
        assertThat(payment.status()).isEqualTo(Payment.Status.REFUNDING);
        payment.refundAccepted("re_2", true, NOW);
        assertThat(payment.status()).isEqualTo(Payment.Status.REFUNDED);
    }

    @Test
    void moneyOfAnotherAmountOnAnOpenAttemptIsCompletedThenRefunded() {
        Payment payment = authorized();
        payment.refundCaptured(NOW);
        assertThat(payment.status()).isEqualTo(Payment.Status.REFUNDING);
        assertThat(payment.paidAt()).isEqualTo(NOW);
    }

    @Test
    void theExactMoneyOnAnOpenAttemptCompletesIt() {
        Payment payment = authorized();
        assertThat(payment.captured(new BigDecimal("51.0"), "usd", NOW)).isEqualTo(Payment.Capture.COMPLETED);
        assertThat(payment.status()).isEqualTo(Payment.Status.COMPLETED);
        assertThat(payment.paidAt()).isEqualTo(NOW);
    }

    @Test
    void aRepeatedConfirmationChangesNothing() {
        Payment payment = authorized();
        payment.captured(new BigDecimal("51.00"), "USD", NOW);
        Instant later = NOW.plusSeconds(60);
        assertThat(payment.captured(new BigDecimal("51.00"), "USD", later)).isEqualTo(Payment.Capture.ALREADY_SETTLED);
        assertThat(payment.status()).isEqualTo(Payment.Status.COMPLETED);
        assertThat(payment.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void anotherAmountOrCurrencyIsOwedBack() {
        Payment lessMoney = authorized();
        assertThat(lessMoney.captured(new BigDecimal("50.99"), "USD", NOW)).isEqualTo(Payment.Capture.OWED_BACK);
        assertThat(lessMoney.status()).isEqualTo(Payment.Status.REFUNDING);
        Payment otherCurrency = authorized();
        assertThat(otherCurrency.captured(new BigDecimal("51.00"), "EUR", NOW)).isEqualTo(Payment.Capture.OWED_BACK);
        assertThat(otherCurrency.status()).isEqualTo(Payment.Status.REFUNDING);
    }

    @Test
    void moneyArrivingAfterADeclineIsOwedBack() {
        Payment payment = authorized();
        assertThat(payment.declined("declined by stripe", NOW)).isTrue();
        assertThat(payment.failureReason()).isEqualTo("declined by stripe");
        assertThat(payment.captured(new BigDecimal("51.00"), "USD", NOW)).isEqualTo(Payment.Capture.OWED_BACK);
        assertThat(payment.status()).isEqualTo(Payment.Status.REFUNDING);
    }

    @Test
    void aLateDeclineAfterSuccessChangesNothing() {
        Payment payment = authorized();
        payment.captured(new BigDecimal("51.00"), "USD", NOW);
        assertThat(payment.declined("declined by stripe", NOW)).isFalse();
        assertThat(payment.status()).isEqualTo(Payment.Status.COMPLETED);
        assertThat(payment.failureReason()).isNull();
    }

    @Test
    void aPendingAttemptMayBeDeclinedButNotCompleted() {
        Payment payment = new Payment(UUID.randomUUID(), "stripe", new BigDecimal("51.00"), "USD", NOW);
        assertThatThrownBy(() -> payment.complete(NOW)).isInstanceOf(ApiException.class);
        assertThat(payment.declined("checkout never created", NOW)).isTrue();
        assertThat(payment.status()).isEqualTo(Payment.Status.FAILED);
    }

    @Test
    void onlyARefundingPaymentTakesTheRefundConfirmation() {
        Payment payment = authorized();
        assertThat(payment.refundConfirmed(NOW)).isFalse();
        assertThat(payment.status()).isEqualTo(Payment.Status.AUTHORIZED);
        payment.complete(NOW);
        assertThat(payment.refundConfirmed(NOW)).isFalse();
        payment.startRefund(NOW);
        assertThat(payment.refundConfirmed(NOW)).isTrue();
        assertThat(payment.status()).isEqualTo(Payment.Status.REFUNDED);
        assertThatThrownBy(() -> payment.startRefund(NOW)).isInstanceOf(ApiException.class);
    }
}
