package com.eventix.payouts.entity;

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
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Money owed for one event, on its way to the organizer's account. SCHEDULED when made; SENDING once an attempt
 * started (committed before the provider is called, so an attempt that never recorded its answer is known to be in
 * doubt); PAID when the provider confirmed it; FAILED when attempts ran out or the provider refused it for good.
 * A SENDING payout whose attempt failed stays SENDING with a later {@code nextAttemptAt}: the provider is asked
 * about it before it is sent again.
 */
@Entity
@Table(name = "payouts")
public class Payout {
    public enum Status { SCHEDULED, SENDING, PAID, FAILED }

    @Id
    private UUID id;
    @Column(name = "organizer_id", nullable = false)
    private UUID organizerId;
    @Column(name = "event_id", nullable = false)
    private UUID eventId;
    @Column(nullable = false)
    private String currency;
    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;
    @Column(nullable = false)
    private String provider;
    @Column(nullable = false)
    private String destination;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "next_attempt_at")
    @Convert(converter = InstantConverter.class)
    private Instant nextAttemptAt;
    @Column(name = "provider_transfer_id")
    private String providerTransferId;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant updatedAt;
    @Column(name = "paid_at")
    @Convert(converter = InstantConverter.class)
    private Instant paidAt;

    protected Payout() {
    }

    /** A new payout, sent first by the message made with it; the sweep sends it at {@code dueAt} otherwise. */
    public static Payout schedule(UUID organizerId, UUID eventId, String currency, long amountMinor,
                                  PayoutAccount account, Instant now, Instant dueAt) {
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("A payout pays something");
        }
        Payout payout = new Payout();
        payout.id = UUID.randomUUID();
        payout.organizerId = organizerId;
        payout.eventId = eventId;
        payout.currency = currency;
        payout.amountMinor = amountMinor;
        payout.provider = account.provider();
        payout.destination = account.destination();
        payout.status = Status.SCHEDULED;
        payout.nextAttemptAt = dueAt;
        payout.createdAt = now;
        payout.updatedAt = now;
        return payout;
    }

    /** An attempt starts: answers whether an earlier one may have reached the provider (ask it first). */
    public boolean startAttempt(Instant now, Instant retryAt) {
        if (status != Status.SCHEDULED && status != Status.SENDING) {
            throw illegal(Status.SENDING);
        }
        boolean inDoubt = status == Status.SENDING;
        status = Status.SENDING;
        attempts++;
        nextAttemptAt = retryAt;
        updatedAt = now;
        return inDoubt;
    }

    /** The provider confirmed the transfer. */
    public void paid(String transferId, Instant now) {
        if (status == Status.PAID) {
            return;
        }
        if (status != Status.SENDING) {
            throw illegal(Status.PAID);
        }
        status = Status.PAID;
        providerTransferId = transferId;
        nextAttemptAt = null;
        lastError = null;
        paidAt = now;
        updatedAt = now;
    }

    /** The provider accepted it but has not finished (it is asked again at {@code checkAt}). */
    public void pending(String transferId, Instant checkAt, Instant now) {
        requireSending(Status.SENDING);
        providerTransferId = transferId;
        nextAttemptAt = checkAt;
        updatedAt = now;
    }

    /** This attempt failed; another comes at {@code retryAt}. */
    public void attemptFailed(String error, Instant retryAt, Instant now) {
        requireSending(Status.SENDING);
        lastError = clip(error);
        nextAttemptAt = retryAt;
        updatedAt = now;
    }

    /** Given up: the money is owed to the organizer again (the caller writes the ledger's correcting entry). */
    public void fail(String error, Instant now) {
        requireSending(Status.FAILED);
        status = Status.FAILED;
        lastError = clip(error);
        nextAttemptAt = null;
        updatedAt = now;
    }

    private void requireSending(Status to) {
        if (status != Status.SENDING) {
            throw illegal(to);
        }
    }

    private ApiException illegal(Status to) {
        return new ApiException(ErrorCode.INVALID_STATE_TRANSITION, "A payout cannot go from " + status + " to " + to,
                Map.of("from", status.name(), "to", to.name()));
    }

    private static String clip(String error) {
        return error == null || error.length() <= 500 ? error : error.substring(0, 500);
    }

    public UUID id() {
        return id;
    }

    public UUID organizerId() {
        return organizerId;
    }

    public UUID eventId() {
        return eventId;
    }

    public String currency() {
        return currency;
    }

    public long amountMinor() {
        return amountMinor;
    }

    public String provider() {
        return provider;
    }

    public String destination() {
        return destination;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String providerTransferId() {
        return providerTransferId;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant paidAt() {
        return paidAt;
    }
}
