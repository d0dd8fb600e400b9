package com.eventix.payments.entity;

import com.eventix.platform.persistence.InstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A chargeback or an inquiry on a payment, as its provider tells it. Providers announce the same move several ways
 * (a chargeback's money is withdrawn when it opens and the provider also says "funds withdrawn"; a won one is
 * reinstated and also closed as won), in any order: the dispute takes the money once and gives it back once, and
 * a closed dispute does not reopen.
 */
@Entity
@Table(name = "payment_disputes")
public class PaymentDispute {
    public enum Status { INQUIRY, OPEN, WON, LOST }

    /** What one event of the provider's changes for the money. */
    public enum Move { NONE, WITHDRAWN, REINSTATED }

    @Id
    private UUID id;
    @Column(nullable = false)
    private String provider;
    @Column(name = "provider_dispute_id", nullable = false)
    private String providerDisputeId;
    @Column(name = "payment_id", nullable = false)
    private UUID paymentId;
    @Column(nullable = false)
    private BigDecimal amount;
    @Column(nullable = false)
    private String currency;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    private String reason;
    @Column(name = "funds_withdrawn", nullable = false)
    private boolean fundsWithdrawn;
    @Column(name = "funds_reinstated", nullable = false)
    private boolean fundsReinstated;
    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant updatedAt;

    protected PaymentDispute() {
    }

    public PaymentDispute(String provider, String providerDisputeId, UUID paymentId, BigDecimal amount, String currency,
                          String reason, Instant now) {
        this.id = UUID.randomUUID();
        this.provider = provider;
        this.providerDisputeId = providerDisputeId;
        this.paymentId = paymentId;
        this.amount = amount;
        this.currency = currency;
        this.reason = reason;
        this.status = Status.INQUIRY;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * The provider says the dispute is {@code told} and that this event {@code withdrew} or {@code reinstated} its
     * money. A chargeback that is open or lost has had its money taken even when no event said so; a won one has had
     * it given back. Answers the move to make now, which is each way at most once in the dispute's life.
     */
    public Move told(Status told, boolean withdrew, boolean reinstated, Instant now) {
        if (status != Status.WON && status != Status.LOST) {
            status = told;
        }
        updatedAt = now;
        if (!fundsWithdrawn && (withdrew || status == Status.OPEN || status == Status.LOST)) {
            fundsWithdrawn = true;
            if (status == Status.WON) {
                fundsReinstated = true; // late news of money already given back: nothing moves
                return Move.NONE;
            }
            return Move.WITHDRAWN;
        }
        if (fundsWithdrawn && !fundsReinstated && (reinstated || status == Status.WON)) {
            fundsReinstated = true;
            return Move.REINSTATED;
        }
        return Move.NONE;
    }

    public UUID id() {
        return id;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public Status status() {
        return status;
    }

    public String reason() {
        return reason;
    }
}
