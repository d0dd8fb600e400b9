package com.eventix.payments.entity;

import com.eventix.platform.persistence.InstantConverter;
import com.eventix.platform.persistence.OptionalUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

/**
 * One movement of money for an event, in minor units of its currency, signed from the organizer's side. Entries are
 * never changed or removed (the database refuses it): a correction is another entry.
 */
@Entity
@Table(name = "ledger_entries")
public class LedgerEntry {
    public enum Kind {
        /** The provider took the buyer's money (+). */
        CAPTURED,
        /** Money went back to the buyer (-). */
        REFUNDED,
        /** The platform's share (PLATFORM_FEE_PERCENT of what was kept): - on a capture, + when a refund returns it. */
        PLATFORM_FEE,
        /** A provider's processing fee, where it reports one (-). Written by the provider-events work (webhooks). */
        PROVIDER_FEE,
        /** Money taken back by a chargeback (-). Written by the provider-events work (disputes). */
        DISPUTED,
        /** A chargeback won back (+). Written by the provider-events work (disputes). */
        DISPUTE_REVERSED,
        /** Money on its way to the organizer's account: a payout was made (-). Written by payouts. */
        PAYOUT,
        /** A payout that could not be made: its money is owed again (+). Written by payouts. */
        PAYOUT_RETURNED
    }

    @Id
    private UUID id;
    @Column(name = "entry_key", nullable = false)
    private String entryKey;
    @Column(name = "event_id", nullable = false)
    private UUID eventId;
    @Column(nullable = false)
    private String currency;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;
    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;
    @Column(name = "payment_id")
    @Convert(converter = OptionalUuidConverter.class)
    private UUID paymentId;
    @Column(name = "refund_id")
    @Convert(converter = OptionalUuidConverter.class)
    private UUID refundId;
    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;

    protected LedgerEntry() {
    }

    /** Minor units of an exact amount of {@code currency}; ArithmeticException if it has more decimals than those. */
    public static long toMinor(BigDecimal amount, String currency) {
        return amount.movePointRight(digits(currency)).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    /** The exact amount of a number of minor units of {@code currency}. */
    public static BigDecimal fromMinor(long minor, String currency) {
        return BigDecimal.valueOf(minor, digits(currency));
    }

    private static int digits(String currency) {
        return Math.max(0, Currency.getInstance(currency.trim()).getDefaultFractionDigits());
    }

    public UUID id() {
        return id;
    }

    public String entryKey() {
        return entryKey;
    }

    public UUID eventId() {
        return eventId;
    }

    public String currency() {
        return currency.trim();
    }

    public Kind kind() {
        return kind;
    }

    public long amountMinor() {
        return amountMinor;
    }

    public UUID paymentId() {
        return paymentId;
    }

    public UUID refundId() {
        return refundId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
