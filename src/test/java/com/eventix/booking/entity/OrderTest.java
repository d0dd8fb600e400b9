package com.eventix.booking.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class OrderTest {
    private final Instant now = Instant.parse("2026-05-01T12:00:00Z");
    private final UUID buyer = UUID.randomUUID();

    private Reservation hold(UUID userId, int quantity, String price, String currency) {
        return new Reservation(userId, UUID.randomUUID(), UUID.randomUUID(), quantity, new BigDecimal(price), currency,
                now, now.plus(Duration.ofMinutes(15)));
    }

    private Order pending() {
        return Order.place(buyer, List.of(hold(buyer, 2, "10.00", "USD")), now);
    }

    private static void refused(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code()).isEqualTo(code);
    }

    @Test
    void placedPendingForTheSumOfItsHolds() {
        Order order = Order.place(buyer, List.of(hold(buyer, 2, "10.00", "USD"), hold(buyer, 1, "7.25", "USD")), now);
        assertThat(order.status()).isEqualTo(Order.Status.PENDING);
        assertThat(order.isOpen()).isTrue();
        assertThat(order.totalAmount()).isEqualByComparingTo("27.25");
        assertThat(order.currency()).isEqualTo("USD");
        assertThat(order.userId()).isEqualTo(buyer);
    }

    @Test
    void refusesHoldsThatCannotMakeAnOrder() {
        refused(ErrorCode.VALIDATION_FAILED, () -> Order.place(buyer, List.of(), now));
        refused(ErrorCode.NOT_FOUND, () -> Order.place(buyer, List.of(hold(UUID.randomUUID(), 1, "5", "USD")), now));
        refused(ErrorCode.MIXED_CURRENCIES, () -> Order.place(buyer,
                List.of(hold(buyer, 1, "5", "USD"), hold(buyer, 1, "5", "EUR")), now));
        Reservation released = hold(buyer, 1, "5", "USD");
        released.release(now);
        refused(ErrorCode.RESERVATION_NOT_ACTIVE, () -> Order.place(buyer, List.of(released), now));
    }

    @Test
    void pendingBecomesPaidAndThenNothingElse() {
        Order order = pending();
        order.paid(now);
        assertThat(order.status()).isEqualTo(Order.Status.PAID);
        assertThat(order.isOpen()).isFalse();
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> order.paid(now));
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> order.expire(now));
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> order.cancel(now));
        assertThat(order.status()).isEqualTo(Order.Status.PAID);
    }

    @Test
    void aDeclinedPaymentCancelsForGood() {
        Order order = pending();
        order.cancel(now);
        assertThat(order.status()).isEqualTo(Order.Status.CANCELLED);
        assertThat(order.isOpen()).isFalse();
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> order.paid(now));
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> order.expire(now));
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> order.cancel(now));
        assertThat(order.status()).isEqualTo(Order.Status.CANCELLED);
    }

    @Test
    void anExpiredOrderMayStillBePaidButNotCancelledOrExpiredAgain() {
        Order order = pending();
        order.expire(now);
        assertThat(order.status()).isEqualTo(Order.Status.EXPIRED);
        assertThat(order.isOpen()).isFalse();
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> order.expire(now));
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> order.cancel(now));
        order.paid(now);
        assertThat(order.status()).isEqualTo(Order.Status.PAID);
    }

    @Test
    void refundsMoveAPaidOrderThroughRequestedPartialAndRefunded() {
        Order order = pending();
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> order.refundsChanged(3, 0, true, now));
        order.paid(now);
        order.refundsChanged(3, 0, true, now);
        assertThat(order.status()).isEqualTo(Order.Status.REFUND_REQUESTED);
        assertThat(order.isPaid()).isTrue();
        order.refundsChanged(3, 0, false, now);
        assertThat(order.status()).as("the request was rejected").isEqualTo(Order.Status.PAID);
        order.refundsChanged(3, 1, false, now);
        assertThat(order.status()).isEqualTo(Order.Status.PARTIALLY_REFUNDED);
        order.refundsChanged(3, 1, true, now);
        assertThat(order.status()).isEqualTo(Order.Status.REFUND_REQUESTED);
        order.refundsChanged(3, 3, false, now);
        assertThat(order.status()).isEqualTo(Order.Status.REFUNDED);
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> order.paid(now));
        assertThatThrownBy(() -> order.refundsChanged(3, 4, false, now)).isInstanceOf(IllegalArgumentException.class);
    }
}
