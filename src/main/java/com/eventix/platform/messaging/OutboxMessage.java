package com.eventix.platform.messaging;

import com.eventix.platform.persistence.InstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message decided inside a transaction, waiting to be handed to the broker. */
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
    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;
    @Column(name = "published_at")
    @Convert(converter = InstantConverter.class)
    private Instant publishedAt;

    protected OutboxMessage() {
    }

    public OutboxMessage(UUID id, String destination, String payload, Instant createdAt) {
        this.id = id;
        this.destination = destination;
        this.payload = payload;
        this.createdAt = createdAt;
    }

    public void published(Instant at) {
        this.publishedAt = at;
    }

    public void attempted() {
        this.attempts++;
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
}
