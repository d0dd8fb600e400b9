package com.eventix.notifications.entity;

import com.eventix.platform.persistence.InstantConverter;
import com.eventix.platform.persistence.OptionalUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message to a user. Its id is the outbox message id, so a redelivered message finds it already sent. */
@Entity
@Table(name = "notifications")
public class Notification {
    /** EMAIL is mailed; IN_APP only reaches the inbox (a kind its user switched off by mail); PUSH is never set. */
    public enum Channel { EMAIL, IN_APP, PUSH }

    @Id
    private UUID id;
    @Column(name = "user_id")
    @Convert(converter = OptionalUuidConverter.class)
    private UUID userId;
    @Column(nullable = false)
    private String type;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;
    private String recipient;
    private String subject;
    @Column(nullable = false)
    private String message;
    @Column(name = "is_read", nullable = false)
    private boolean read;
    @Column(name = "sent_at")
    @Convert(converter = InstantConverter.class)
    private Instant sentAt;
    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;

    protected Notification() {
    }

    public Notification(UUID id, UUID userId, String type, Channel channel, String recipient, String subject,
                        String message, Instant now) {
        this.id = id;
        this.userId = userId;
        this.type = type;
        this.channel = channel;
        this.recipient = recipient;
        this.subject = subject;
        this.message = message;
        this.createdAt = now;
    }

    public boolean isSent() {
        return sentAt != null;
    }

    public void sent(Instant at) {
        this.sentAt = at;
    }

    public UUID id() {
        return id;
    }

    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    public String message() {
        return message;
    }

    public UUID userId() {
        return userId;
    }

    public String type() {
        return type;
    }

    public Channel channel() {
        return channel;
    }

    public boolean isRead() {
        return read;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Its user has seen it in their inbox. */
    public void markRead() {
        read = true;
    }
}
