package com.eventix.tickets.entity;

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

/**
 * Something every ticket holder of an event is told: written once, then mailed to the holders in batches by the
 * notice sweeps (each holder once, see {@code EventNotices}) until none is left, when it is completed (a reminder
 * when its event starts).
 */
@Entity
@Table(name = "event_notices")
public class EventNotice {
    /** What the notice is, and the notification type its mails carry. */
    public enum Kind {
        /** The day before the event starts; one per event. */
        REMINDER("EVENT_REMINDER"),
        /** The event's time or place changed. */
        CHANGE("EVENT_CHANGED"),
        /** A message of the event's organizer. */
        ANNOUNCEMENT("EVENT_ANNOUNCEMENT");

        private final String notificationType;

        Kind(String notificationType) {
            this.notificationType = notificationType;
        }

        public String notificationType() {
            return notificationType;
        }
    }

    @Id
    private UUID id;
    @Column(name = "event_id", nullable = false)
    private UUID eventId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;
    @Column(nullable = false)
    private String subject;
    @Column(nullable = false)
    private String body;
    @Column(name = "created_by")
    @Convert(converter = OptionalUuidConverter.class)
    private UUID createdBy;
    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;
    @Column(name = "completed_at")
    @Convert(converter = InstantConverter.class)
    private Instant completedAt;

    protected EventNotice() {
    }

    public EventNotice(UUID eventId, Kind kind, String subject, String body, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.eventId = eventId;
        this.kind = kind;
        this.subject = subject;
        this.body = body;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Every holder has been told. */
    public void complete(Instant now) {
        if (completedAt == null) {
            completedAt = now;
        }
    }

    public UUID id() {
        return id;
    }

    public UUID eventId() {
        return eventId;
    }

    public Kind kind() {
        return kind;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public UUID createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant completedAt() {
        return completedAt;
    }
}
