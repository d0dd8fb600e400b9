package com.eventix.platform.audit;

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

/** One sensitive action: who did what to which resource, when, from where, and whether it worked. */
@Entity
@Table(name = "audit_log")
public class AuditEntry {
    public enum Outcome { SUCCESS, FAILURE }

    @Id
    private UUID id;
    @Column(name = "actor_id")
    @Convert(converter = OptionalUuidConverter.class)
    private UUID actorId;
    @Column(nullable = false)
    private String action;
    @Column(name = "resource_type")
    private String resourceType;
    @Column(name = "resource_id")
    private String resourceId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;
    @Column(name = "ip_address")
    private String ipAddress;
    @Column(name = "user_agent")
    private String userAgent;
    private String details;
    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;

    protected AuditEntry() {
    }

    AuditEntry(UUID actorId, String action, String resourceType, String resourceId, Outcome outcome,
               RequestOrigin origin, String details, Instant at) {
        this.id = UUID.randomUUID();
        this.actorId = actorId;
        this.action = action;
        this.resourceType = resourceType;
        this.resourceId = resourceId;
        this.outcome = outcome;
        this.ipAddress = origin.ip();
        this.userAgent = origin.userAgent() == null ? null
                : origin.userAgent().substring(0, Math.min(512, origin.userAgent().length()));
        this.details = details;
        this.createdAt = at;
    }

    public UUID id() {
        return id;
    }

    public String resourceType() {
        return resourceType;
    }

    public String resourceId() {
        return resourceId;
    }

    public String ipAddress() {
        return ipAddress;
    }

    public String userAgent() {
        return userAgent;
    }

    public String details() {
        return details;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public UUID actorId() {
        return actorId;
    }

    public String action() {
        return action;
    }

    public Outcome outcome() {
        return outcome;
    }
}
