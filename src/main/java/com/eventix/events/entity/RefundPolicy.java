package com.eventix.events.entity;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;

/**
 * An event's refund policy, as its organizer set it: whether buyers may ask for their money back (NONE, the default,
 * says no), until how long before the start, what is kept per ticket (a percentage of its price plus a fixed amount,
 * never more than the price), and whether a request is refunded at once (AUTOMATIC) or waits for the organizer
 * (APPROVAL). The current policy is the one applied to a request.
 */
@Embeddable
public class RefundPolicy {
    public enum Mode { NONE, AUTOMATIC, APPROVAL }

    /** Longest deadline: a year before the start. */
    public static final int MAX_DEADLINE_HOURS = 8760;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Enumerated(EnumType.STRING)
    @Column(name = "refund_mode", nullable = false)
    private Mode mode;
    @Column(name = "refund_deadline_hours", nullable = false)
    private int deadlineHours;
    @Column(name = "refund_fee_percent", nullable = false)
    private BigDecimal feePercent;
    @Column(name = "refund_fee_fixed", nullable = false)
    private BigDecimal feeFixed;

    protected RefundPolicy() {
    }

    private RefundPolicy(Mode mode, int deadlineHours, BigDecimal feePercent, BigDecimal feeFixed) {
        this.mode = mode;
        this.deadlineHours = deadlineHours;
        this.feePercent = feePercent;
        this.feeFixed = feeFixed;
    }

    /** No refunds on request. */
    public static RefundPolicy none() {
        return new RefundPolicy(Mode.NONE, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /**
     * A policy for an event priced in {@code currency}: the fixed fee must be an amount of that currency (no more
     * decimals than it has), the percentage within 0..100 with at most two decimals.
     */
    public static RefundPolicy of(Mode mode, int deadlineHours, BigDecimal feePercent, BigDecimal feeFixed,
                                  Currency currency) {
        BigDecimal percent = feePercent == null ? BigDecimal.ZERO : feePercent;
        BigDecimal fixed = feeFixed == null ? BigDecimal.ZERO : feeFixed;
        if (mode == null) {
            throw invalid("mode", "must be NONE, AUTOMATIC or APPROVAL");
        }
        if (deadlineHours < 0 || deadlineHours > MAX_DEADLINE_HOURS) {
            throw invalid("deadlineHoursBeforeStart", "must lie within 0.." + MAX_DEADLINE_HOURS);
        }
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0 || percent.stripTrailingZeros().scale() > 2) {
            throw invalid("feePercent", "must lie within 0..100, with at most 2 decimals");
        }
        if (fixed.signum() < 0 || fixed.stripTrailingZeros().scale() > Math.max(0, currency.getDefaultFractionDigits())
                || fixed.compareTo(BigDecimal.valueOf(100_000_000_000L)) >= 0) {
            throw invalid("feeFixed", "must be a non-negative amount of " + currency.getCurrencyCode());
        }
        return new RefundPolicy(mode, deadlineHours, percent, fixed);
    }

    private static ApiException invalid(String field, String why) {
        return new ApiException(ErrorCode.VALIDATION_FAILED, "Invalid refund policy", Map.of(field, why));
    }

    /** When requests stop being taken for an event starting at {@code start}; null when refunds are never taken. */
    public Instant deadline(Instant start) {
        return mode == Mode.NONE ? null : start.minus(Duration.ofHours(deadlineHours));
    }

    /**
     * Refuses a request made at {@code now} for an event starting at {@code start}: REFUND_NOT_ALLOWED with the
     * reason in its details (NO_REFUNDS, DEADLINE_PASSED).
     */
    public void checkRequest(Instant now, Instant start) {
        if (mode == Mode.NONE) {
            throw new ApiException(ErrorCode.REFUND_NOT_ALLOWED, "This event's tickets are not refundable",
                    Map.of("reason", "NO_REFUNDS"));
        }
        Instant deadline = deadline(start);
        if (!now.isBefore(deadline)) {
            throw new ApiException(ErrorCode.REFUND_NOT_ALLOWED, "Refunds for this event closed at " + deadline,
                    Map.of("reason", "DEADLINE_PASSED", "refundableUntil", deadline.toString()));
        }
    }

    /**
     * What is kept of a ticket sold at {@code price}: the percentage (rounded half up to the currency's minor unit)
     * plus the fixed fee, at most the price.
     */
    public BigDecimal feeFor(BigDecimal price, Currency currency) {
        BigDecimal percentPart = price.multiply(feePercent).divide(HUNDRED,
                Math.max(0, currency.getDefaultFractionDigits()), RoundingMode.HALF_UP);
        BigDecimal fee = percentPart.add(feeFixed);
        return fee.compareTo(price) > 0 ? price : fee;
    }

    /** What goes back for a ticket sold at {@code price}. */
    public BigDecimal refundFor(BigDecimal price, Currency currency) {
        return price.subtract(feeFor(price, currency));
    }

    public boolean isAutomatic() {
        return mode == Mode.AUTOMATIC;
    }

    public Mode mode() {
        return mode;
    }

    public int deadlineHours() {
        return deadlineHours;
    }

    public BigDecimal feePercent() {
        return feePercent;
    }

    public BigDecimal feeFixed() {
        return feeFixed;
    }
}
