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
}
