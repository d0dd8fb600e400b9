package com.eventix.platform.messaging;

import com.eventix.platform.persistence.InstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A message decided inside a transaction, waiting to be handed to the broker. A failed attempt (sending it, or
 * handling it after delivery) puts it back to wait with back-off; after the last allowed attempt it is dead: kept,
 * with its last error, for an operator, and never tried or swept again.
 */
@Entity
@Table(name = "outbox_messages")
public class OutboxMessage {
    @Id
    private UUID id;
    @Column(nullable = false)
    private String destination;
    @Column(nullable = false)
    private String payload;
    @Column(nullable = false)
    private int attempts;
    /** How often an admin sent it again after it died (its attempts then start over). */
    @Column(nullable = false)
    private int requeues;
    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;
    @Column(name = "published_at")
    @Convert(converter = InstantConverter.class)
    private Instant publishedAt;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "next_attempt_at")
    @Convert(converter = InstantConverter.class)
    private Instant nextAttemptAt;
    @Column(name = "dead_at")
    @Convert(converter = InstantConverter.class)
    private Instant deadAt;
    /** The trace it was queued in (W3C traceparent); its handling continues it. */
    @Column(name = "trace_parent")
    private String traceParent;

    protected OutboxMessage() {
    }

    public OutboxMessage(UUID id, String destination, String payload, Instant createdAt, String traceParent) {
        this.id = id;
        this.destination = destination;
        this.payload = payload;
        this.createdAt = createdAt;
        this.traceParent = traceParent;
    }

    public void published(Instant at) {
        this.publishedAt = at;
    }

    /**
     * Records a failed attempt: the message waits {@code retryDelay} doubled per earlier failure (at most
     * {@code maxDelay}) and goes behind the others, or is dead once {@code maxAttempts} have failed. True if dead.
     */
    public boolean failed(String error, Instant now, int maxAttempts, Duration retryDelay, Duration maxDelay) {
        if (deadAt != null) {
            return true;
        }
        attempts++;
        lastError = error == null ? "unknown error" : error.length() > 4000 ? error.substring(0, 4000) : error;
        publishedAt = null;
        if (attempts >= maxAttempts) {
            deadAt = now;
            nextAttemptAt = null;
            return true;
        }
        Duration delay = retryDelay.multipliedBy(1L << Math.min(attempts - 1, 20));
        nextAttemptAt = now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
        return false;
    }

    /**
     * What tells this sending apart from every earlier one for the broker's duplicate detection: a re-send of the
     * same sending (after a crash) is dropped, a retry or a requeue is not.
     */
    public String sendingId() {
        return id + ":" + attempts + (requeues > 0 ? ":" + requeues : "");
    }

    /** Failed attempts so far. */
    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }

    public UUID id() {
        return id;
    }

    public String destination() {
        return destination;
    }

    public String payload() {
        return payload;
    }

    public String traceParent() {
        return traceParent;
    }
}
