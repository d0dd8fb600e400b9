package com.eventix.payments.entity;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.persistence.InstantConverter;
import com.eventix.platform.persistence.OptionalUuidConverter;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A buyer's refund of some tickets of one event of one order, with its own amount and its own provider key
 * ({@link #providerKey}). Its states: REQUESTED → APPROVED (the organizer, or an automatic policy at once) or
 * REJECTED (with a reason); APPROVED → PROCESSING (the provider is being asked) → SUCCEEDED or FAILED. A refusal
 * by the provider sends it back to APPROVED, to be asked again after a back-off with a new provider key (the refused
 * one is spent), a few times before it ends FAILED; an admin may send a FAILED one back to APPROVED. A refund of
 * nothing (the fee took the whole price) succeeds without asking a provider. No other move is possible.
 */
@Entity
@Table(name = "refunds")
public class OrderRefund {
    public enum Status { REQUESTED, APPROVED, REJECTED, PROCESSING, SUCCEEDED, FAILED }

    /** The reason of the refunds an event's cancellation makes. */
    public static final String EVENT_CANCELLED = "event cancelled";

    /** One ticket of the refund: what goes back for it and what the policy kept. */
    @Embeddable
    public static class Line {
        @Column(name = "ticket_id", nullable = false)
        private UUID ticketId;
        @Column(nullable = false)
        private BigDecimal amount;
        @Column(nullable = false)
        private BigDecimal fee;

        protected Line() {
        }

        public Line(UUID ticketId, BigDecimal amount, BigDecimal fee) {
            this.ticketId = ticketId;
            this.amount = amount;
            this.fee = fee;
        }

        public UUID ticketId() {
            return ticketId;
        }

        public BigDecimal amount() {
            return amount;
        }

        public BigDecimal fee() {
            return fee;
        }
    }

    @Id
    private UUID id;
    @Column(name = "order_id", nullable = false)
    private UUID orderId;
    @Column(name = "payment_id", nullable = false)
    private UUID paymentId;
    @Column(name = "event_id", nullable = false)
    private UUID eventId;
    @Column(name = "requested_by", nullable = false)
    private UUID requestedBy;
    @Column(nullable = false)
    private BigDecimal amount;
    @Column(nullable = false)
    private BigDecimal fee;
    @Column(nullable = false)
    private String currency;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(nullable = false)
    private String reason;
    @Column(nullable = false)
    private boolean automatic;
    @Column(name = "decided_by")
    @Convert(converter = OptionalUuidConverter.class)
    private UUID decidedBy;
    @Column(name = "decision_reason")
    private String decisionReason;
    @Column(name = "decided_at")
    @Convert(converter = InstantConverter.class)
    private Instant decidedAt;
    /** The provider's id of the refund once it accepted it; PROCESSING without it means it was never acknowledged. */
    @Column(name = "provider_refund_id")
    private String providerRefundId;
    @Column(name = "failure_reason")
    private String failureReason;
    /** How often the provider refused it; each refusal spends a provider key (see {@link #providerKey}). */
    @Column(nullable = false)
    private int refusals;
    /** After a refusal: not asked again before then. */
    @Column(name = "next_attempt_at")
    @Convert(converter = InstantConverter.class)
    private Instant nextAttemptAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "refund_tickets", joinColumns = @JoinColumn(name = "refund_id"))
    private List<Line> lines = new ArrayList<>();
    @Version
    private long version;
    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant updatedAt;

    protected OrderRefund() {
    }

    /** A buyer asks for these tickets' money back; an automatic policy approves it at once. */
    public static OrderRefund request(UUID orderId, UUID paymentId, UUID eventId, UUID buyerId, String currency,
                                      List<Line> lines, String reason, boolean automatic, Instant now) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("A refund needs at least one ticket");
        }
        OrderRefund refund = new OrderRefund();
        refund.id = UUID.randomUUID();
        refund.orderId = orderId;
        refund.paymentId = paymentId;
        refund.eventId = eventId;
        refund.requestedBy = buyerId;
        refund.currency = currency;
        refund.lines = new ArrayList<>(lines);
        refund.amount = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        refund.fee = lines.stream().map(Line::fee).reduce(BigDecimal.ZERO, BigDecimal::add);
        refund.reason = reason;
        refund.automatic = automatic;
        refund.status = Status.REQUESTED;
        refund.createdAt = now;
        refund.updatedAt = now;
        if (automatic) {
            refund.move(Status.REQUESTED, Status.APPROVED, now);
            refund.decidedAt = now;
        }
        return refund;
    }

    /**
     * The refund of a cancelled event's tickets to their buyer: in full (no policy fee, whatever the lines say is
     * kept must be zero), approved at once.
     */
    public static OrderRefund eventCancelled(UUID orderId, UUID paymentId, UUID eventId, UUID buyerId, String currency,
                                             List<Line> lines, Instant now) {
        if (lines.stream().anyMatch(l -> l.fee().signum() != 0)) {
            throw new IllegalArgumentException("A cancelled event's refund keeps no fee");
        }
        return request(orderId, paymentId, eventId, buyerId, currency, lines, EVENT_CANCELLED, true, now);
    }

    /** The organizer agrees. */
    public void approve(UUID organizerUserId, Instant now) {
        move(Status.REQUESTED, Status.APPROVED, now);
        decidedBy = organizerUserId;
        decidedAt = now;
    }

    /** The organizer refuses, saying why; the tickets stay valid. */
    public void reject(UUID organizerUserId, String why, Instant now) {
        move(Status.REQUESTED, Status.REJECTED, now);
        decidedBy = organizerUserId;
        decisionReason = why;
        decidedAt = now;
    }

    /**
     * Whether the provider may be asked now: an approved refund, or one being processed that the provider never
     * acknowledged (a crash or an outage) and whose last attempt was at or before {@code lastTriedBefore} (null: only
     * approved ones), so that instances retrying together ask once. The attempt is recorded before the provider is
     * asked.
     */
    public boolean attempt(Instant lastTriedBefore, Instant now) {
        boolean due = (status == Status.APPROVED && (nextAttemptAt == null || !nextAttemptAt.isAfter(now)))
                || (status == Status.PROCESSING && providerRefundId == null
                && lastTriedBefore != null && !updatedAt.isAfter(lastTriedBefore));
        if (!due) {
            return false;
        }
        status = Status.PROCESSING;
        nextAttemptAt = null;
        updatedAt = now;
        return true;
    }

    /** The provider accepted the refund; it finishes now or with the provider's later word. */
    public void accepted(String providerReference, boolean completed, Instant now) {
        requireStatus(Status.PROCESSING, completed ? Status.SUCCEEDED : Status.PROCESSING);
        providerRefundId = providerReference;
        updatedAt = now;
        if (completed) {
            status = Status.SUCCEEDED;
        }
    }

    /** The provider says this refund went through (its webhook); answers whether it moved. */
    public boolean confirmed(Instant now) {
        if (status != Status.PROCESSING || providerRefundId == null) {
            return false;
        }
        move(Status.PROCESSING, Status.SUCCEEDED, now);
        return true;
    }

    /** The provider refused it: it ends FAILED, for an admin to look at. */
    public void failed(String why, Instant now) {
        move(Status.PROCESSING, Status.FAILED, now);
        failureReason = why;
    }

    /**
     * The provider refused it: asked again after {@code firstDelay} (doubling with each refusal) while it has been
     * refused at most {@code retries} times, FAILED after that. Answers whether it failed for good.
     */
    public boolean refused(String why, int retries, java.time.Duration firstDelay, Instant now) {
        requireStatus(Status.PROCESSING, Status.APPROVED);
        refusals++;
        failureReason = why;
        updatedAt = now;
        if (refusals > retries) {
            status = Status.FAILED;
            return true;
        }
        status = Status.APPROVED;
        nextAttemptAt = now.plus(firstDelay.multipliedBy(1L << Math.min(refusals - 1, 20)));
        return false;
    }

    /** An admin has a FAILED refund asked for once more, at once (with a new provider key). */
    public void retry(Instant now) {
        move(Status.FAILED, Status.APPROVED, now);
        nextAttemptAt = null;
    }

    /** A request not yet decided, or a refund on its way: its tickets are taken. */
    public boolean isPending() {
        return status == Status.REQUESTED || status == Status.APPROVED || status == Status.PROCESSING;
    }

    /** Whether its tickets are spoken for: pending, or refunded already (a rejected or failed one frees them). */
    public boolean holdsTickets() {
        return isPending() || status == Status.SUCCEEDED;
    }

    /**
     * The Idempotency-Key the provider gets for this refund, the same on every attempt until the provider refuses
     * one: a refused key is spent (a provider answers it with the same refusal), so the next attempt gets its own.
     */
    public String providerKey() {
        return "refund-" + id + (refusals == 0 ? "" : "-" + refusals);
    }

    public List<UUID> ticketIds() {
        return lines.stream().map(Line::ticketId).toList();
    }

    private void move(Status from, Status to, Instant now) {
        requireStatus(from, to);
        status = to;
        updatedAt = now;
    }

    private void requireStatus(Status from, Status to) {
        if (status != from) {
            throw new ApiException(ErrorCode.INVALID_STATE_TRANSITION, "A refund cannot go from " + status + " to " + to,
                    Map.of("from", status.name(), "to", to.name()));
        }
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID paymentId() {
        return paymentId;
    }

    public UUID eventId() {
        return eventId;
    }

    public UUID requestedBy() {
        return requestedBy;
    }

    public BigDecimal amount() {
        return amount;
    }

    public BigDecimal fee() {
        return fee;
    }

    public String currency() {
        return currency.trim();
    }

    public Status status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public boolean automatic() {
        return automatic;
    }

    public UUID decidedBy() {
        return decidedBy;
    }

    public String decisionReason() {
        return decisionReason;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String providerRefundId() {
        return providerRefundId;
    }

    public String failureReason() {
        return failureReason;
    }

    public int refusals() {
        return refusals;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
