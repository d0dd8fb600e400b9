package com.eventix.events.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefundPolicyTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");
    private final Instant start = Instant.parse("2026-06-01T19:00:00Z");

    private static RefundPolicy policy(RefundPolicy.Mode mode, int hours, String percent, String fixed) {
        return RefundPolicy.of(mode, hours, new BigDecimal(percent), new BigDecimal(fixed), USD);
    }

    private static ApiException refusal(Runnable call) {
        try {
            call.run();
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void noneIsTheDefaultAndRefusesEveryRequest() {
        RefundPolicy none = RefundPolicy.none();
        assertThat(none.mode()).isEqualTo(RefundPolicy.Mode.NONE);
        assertThat(none.deadline(start)).isNull();
        ApiException e = refusal(() -> none.checkRequest(start.minus(Duration.ofDays(30)), start));
        assertThat(e.code()).isEqualTo(ErrorCode.REFUND_NOT_ALLOWED);
        assertThat(e.details()).containsEntry("reason", "NO_REFUNDS");
    }

    @Test
    void requestsAreTakenUntilTheDeadlineBeforeTheStart() {
        RefundPolicy policy = policy(RefundPolicy.Mode.AUTOMATIC, 48, "0", "0");
        Instant deadline = start.minus(Duration.ofHours(48));
        assertThat(policy.deadline(start)).isEqualTo(deadline);
        policy.checkRequest(deadline.minusSeconds(1), start);
        ApiException atDeadline = refusal(() -> policy.checkRequest(deadline, start));
        assertThat(atDeadline.code()).isEqualTo(ErrorCode.REFUND_NOT_ALLOWED);
        assertThat(atDeadline.details()).containsEntry("reason", "DEADLINE_PASSED")
                .containsEntry("refundableUntil", deadline.toString());
        assertThat(refusal(() -> policy.checkRequest(start.plusSeconds(60), start)).details())
                .containsEntry("reason", "DEADLINE_PASSED");
    }

    @Test
    void theFeeIsAPercentagePlusAFixedAmountNeverMoreThanThePrice() {
        RefundPolicy policy = policy(RefundPolicy.Mode.APPROVAL, 0, "10", "1.50");
        assertThat(policy.feeFor(new BigDecimal("25.50"), USD)).isEqualByComparingTo("4.05");
        assertThat(policy.refundFor(new BigDecimal("25.50"), USD)).isEqualByComparingTo("21.45");
        assertThat(policy.feeFor(new BigDecimal("1.00"), USD)).as("capped at the price").isEqualByComparingTo("1.00");
        assertThat(policy.refundFor(new BigDecimal("1.00"), USD)).isEqualByComparingTo("0");
        assertThat(policy.refundFor(BigDecimal.ZERO, USD)).isEqualByComparingTo("0");
        // 12.5% of 0.99 is 0.12375: rounded half up to the cent
        assertThat(policy(RefundPolicy.Mode.AUTOMATIC, 0, "12.5", "0").feeFor(new BigDecimal("0.99"), USD))
                .isEqualByComparingTo("0.12");
        assertThat(RefundPolicy.of(RefundPolicy.Mode.AUTOMATIC, 0, new BigDecimal("12.5"), null, JPY)
                .feeFor(new BigDecimal("1000"), JPY)).isEqualByComparingTo("125");
        assertThat(RefundPolicy.of(RefundPolicy.Mode.AUTOMATIC, 0, new BigDecimal("3.33"), null, JPY)
                .feeFor(new BigDecimal("100"), JPY)).as("whole yen").isEqualByComparingTo("3");
    }

    @Test
    void refusesPoliciesThatMakeNoSense() {
        for (Runnable bad : new Runnable[] {
                () -> RefundPolicy.of(null, 0, null, null, USD),
                () -> policy(RefundPolicy.Mode.AUTOMATIC, -1, "0", "0"),
                () -> policy(RefundPolicy.Mode.AUTOMATIC, RefundPolicy.MAX_DEADLINE_HOURS + 1, "0", "0"),
                () -> policy(RefundPolicy.Mode.AUTOMATIC, 0, "100.01", "0"),
                () -> policy(RefundPolicy.Mode.AUTOMATIC, 0, "-1", "0"),
                () -> policy(RefundPolicy.Mode.AUTOMATIC, 0, "1.234", "0"),
                () -> policy(RefundPolicy.Mode.AUTOMATIC, 0, "0", "-0.01"),
                () -> policy(RefundPolicy.Mode.AUTOMATIC, 0, "0", "0.001"),
                () -> RefundPolicy.of(RefundPolicy.Mode.AUTOMATIC, 0, null, new BigDecimal("0.5"), JPY)}) {
            assertThat(refusal(bad).code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        }
    }

    @Test
    void anEventKeepsItsPolicyFixedOnceUnderReviewOrOver() {
        Instant now = start.minus(Duration.ofDays(20));
        Event event = Event.draft(UUID.randomUUID(), new Event.Details("T", null, "music", "Accra", start,
                start.plus(Duration.ofHours(3)), "UTC", null, "USD", null), now);
        assertThat(event.refundPolicy().mode()).isEqualTo(RefundPolicy.Mode.NONE);
        event.refundPolicy(policy(RefundPolicy.Mode.AUTOMATIC, 24, "5", "0"), now);
        event.checkRefundRequest(now);
        event.submit(1, now);
        assertThatThrownBy(() -> event.refundPolicy(RefundPolicy.none(), now)).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code()).isEqualTo(ErrorCode.EVENT_READ_ONLY);
        event.approve(now);
        event.refundPolicy(policy(RefundPolicy.Mode.APPROVAL, 24, "5", "0"), now);
        event.cancel("rain", now);
        assertThatThrownBy(() -> event.refundPolicy(RefundPolicy.none(), now)).isInstanceOf(ApiException.class);
        assertThat(refusal(() -> event.checkRefundRequest(start.minus(Duration.ofHours(1)))).code())
                .isEqualTo(ErrorCode.REFUND_NOT_ALLOWED);
    }
}
