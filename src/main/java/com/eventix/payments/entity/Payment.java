package com.eventix.payments.entity;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.persistence.InstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One attempt to pay an order with a provider, following the specification's state machine exactly:
 * PENDING → AUTHORIZED (checkout created) → PROCESSING (the payer paid) → COMPLETED | FAILED;
 * COMPLETED → REFUNDING → REFUNDED. Any other move is refused, but for money taken on an attempt that had already
 * failed, which must be refunded (see {@link #refundCaptured}). A chargeback moves a COMPLETED payment to DISPUTED
 * while the provider holds its money, and back to COMPLETED if the dispute is won.
 */
@Entity
@Table(name = "payments")
public class Payment {
    public enum Status {
        PENDING, AUTHORIZED, PROCESSING, COMPLETED, FAILED, REFUNDING, REFUNDED,
        /** A chargeback took the money back for the payer's bank to decide; COMPLETED again if it is won. */
        DISPUTED
    }

    @Id
    private UUID id;
    @Column(name = "order_id", nullable = false)
    private UUID orderId;
    @Column(name = "payment_provider", nullable = false)
    private String provider;
    @Column(nullable = false)
    private BigDecimal amount;
    @Column(nullable = false)
    private String currency;
    @Column(name = "transaction_id")
    private String transactionId;
    @Column(name = "payment_url")
    private String paymentUrl;
    @Column(name = "failure_reason")
    private String failureReason;
    /** The provider's id of the refund once it accepted one; REFUNDING without it means the request never got through. */
    @Column(name = "refund_reference")
    private String refundReference;
    /** The provider's id of the charge behind the checkout (Stripe's PaymentIntent): its disputes name it. */
    @Column(name = "charge_reference")
    private String chargeReference;
    /** What the provider kept of the payment as its fee, once it said so. */
    @Column(name = "provider_fee")
    private BigDecimal providerFee;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "paid_at")
    @Convert(converter = InstantConverter.class)
    private Instant paidAt;
    @Version
    private long version;
    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant updatedAt;

    protected Payment() {
    }

    public Payment(UUID orderId, String provider, BigDecimal amount, String currency, Instant now) {
        this.id = UUID.randomUUID();
        this.orderId = orderId;
        this.provider = provider;
        this.amount = amount;
        this.currency = currency;
        this.status = Status.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The provider accepted the payment and gave a checkout to send the payer to. */
    public void authorize(String providerReference, String checkoutUrl, Instant now) {
        move(Status.PENDING, Status.AUTHORIZED, now);
        this.transactionId = providerReference;
        this.paymentUrl = checkoutUrl;
    }

    /** The payer submitted the payment; the provider is settling it. */
    public void process(Instant now) {
        move(Status.AUTHORIZED, Status.PROCESSING, now);
    }

    /**
     * The provider confirmed the money. A confirmation may come without the payer's step having been seen
     * (webhooks arrive in any order), so an AUTHORIZED payment passes through PROCESSING first.
     */
    public void complete(Instant now) {
        if (status == Status.AUTHORIZED) {
            process(now);
        }
        move(Status.PROCESSING, Status.COMPLETED, now);
        this.paidAt = now;
    }

    public void fail(String reason, Instant now) {
        if (status == Status.AUTHORIZED) {
            process(now);
        }
        if (status == Status.PENDING) {
            status = Status.FAILED;
            failureReason = reason;
            updatedAt = now;
            return;
        }
        move(Status.PROCESSING, Status.FAILED, now);
        this.failureReason = reason;
    }

    /** What the provider's word that it took the money means for this payment. */
    public enum Capture {
        /** Already settled: a repeated or late confirmation changes nothing. */
        ALREADY_SETTLED,
        /** COMPLETED: the order may now be fulfilled. */
        COMPLETED,
        /** The attempt had ended or the money differs: it is REFUNDING, and the money must go back. */
        OWED_BACK
    }

    /**
     * The provider says it took {@code paid} in {@code paidCurrency}: the payment completes if that is exactly what
     * was asked on an attempt still open; money taken on an attempt that had failed, or another amount, is owed back
     * ({@link #refundCaptured}); a payment already settled stays as it is (webhooks repeat and arrive late).
     */
    public Capture captured(BigDecimal paid, String paidCurrency, Instant now) {
        if (isSettled()) {
            return Capture.ALREADY_SETTLED;
        }
        if (status == Status.FAILED || paid.compareTo(amount) != 0 || !paidCurrency.equalsIgnoreCase(currency)) {
            refundCaptured(now);
            return Capture.OWED_BACK;
        }
        complete(now);
        return Capture.COMPLETED;
    }

    /**
     * The provider declined the payment: it fails unless it has already ended (a late decline after a success
     * changes nothing). Answers whether it failed now.
     */
    public boolean declined(String reason, Instant now) {
        if (isFinal()) {
            return false;
        }
        fail(reason, now);
        return true;
    }

    /** The provider says the refund went through: REFUNDED if it was REFUNDING; answers whether it moved. */
    public boolean refundConfirmed(Instant now) {
        if (status != Status.REFUNDING) {
            return false;
        }
        refunded(now);
        return true;
    }

    /** A COMPLETED payment whose order cannot be honoured (sold out, event closed) goes back to the payer. */
    public void startRefund(Instant now) {
        move(Status.COMPLETED, Status.REFUNDING, now);
    }

    /**
     * The provider took money Eventix will not accept (the attempt had already ended, or the amount differs): it
     * must go back. An attempt still open is completed and refunded as usual; a FAILED one goes to REFUNDING
     * directly, the one move beyond the specification's machine, so the obligation to refund is recorded.
     */
    public void refundCaptured(Instant now) {
        if (status == Status.FAILED) {
            status = Status.REFUNDING;
            paidAt = now;
            updatedAt = now;
            return;
        }
        complete(now);
        startRefund(now);
    }

    /**
     * A refund is about to be asked for: recorded first, so that a crash before the answer leaves a REFUNDING payment
     * without a refund reference, which is asked for again later.
     */
    public void refundAttempted(Instant now) {
        if (status != Status.REFUNDING) {
            throw new ApiException(ErrorCode.INVALID_STATE_TRANSITION, "Payment is " + status + ", not REFUNDING",
                    Map.of("from", status.name(), "to", Status.REFUNDING.name()));
        }
        updatedAt = now;
    }

    /** The provider accepted the refund; it completes now or with the provider's later notification. */
    public void refundAccepted(String reference, boolean completed, Instant now) {
        this.refundReference = reference;
        updatedAt = now;
        if (completed && status == Status.REFUNDING) {
            refunded(now);
        }
    }

    public void refunded(Instant now) {
        move(Status.REFUNDING, Status.REFUNDED, now);
    }

    public boolean isSettled() {
        return status == Status.COMPLETED || status == Status.REFUNDING || status == Status.REFUNDED
                || status == Status.DISPUTED;
    }

    /** Remembers the provider's id of the charge that paid it (the first one told: it does not change). */
    public void chargedAs(String reference) {
        if (chargeReference == null && reference != null && !reference.isBlank()) {
            chargeReference = reference;
        }
    }

    /** The provider says what it kept as its fee (the last word counts: a settlement may be corrected). */
    public void feeReported(BigDecimal fee) {
        if (fee != null && fee.signum() >= 0) {
            providerFee = fee;
        }
    }

    public BigDecimal providerFee() {
        return providerFee;
    }

    /** A chargeback took the money: COMPLETED → DISPUTED. */
    public void disputed(Instant now) {
        move(Status.COMPLETED, Status.DISPUTED, now);
    }

    /** The dispute was won and the money is back: DISPUTED → COMPLETED. */
    public void disputeWon(Instant now) {
        move(Status.DISPUTED, Status.COMPLETED, now);
    }

    public String chargeReference() {
        return chargeReference;
    }

    public boolean isFinal() {
        return status == Status.FAILED || isSettled();
    }

    private void move(Status from, Status to, Instant now) {
        if (status != from) {
            throw new ApiException(ErrorCode.INVALID_STATE_TRANSITION, "Payment cannot go from " + status + " to " + to,
                    Map.of("from", status.name(), "to", to.name()));
        }
        status = to;
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public String provider() {
        return provider;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public String transactionId() {
        return transactionId;
    }

    public String paymentUrl() {
        return paymentUrl;
    }

    public Status status() {
        return status;
    }

    public String failureReason() {
        return failureReason;
    }

    public String refundReference() {
        return refundReference;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant paidAt() {
        return paidAt;
    }
}
