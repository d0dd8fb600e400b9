package com.eventix.organizers.entity;

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
 * A user's organizer profile and its verification: PENDING until an admin verifies or rejects it. A rejected
 * applicant may apply again, which makes the profile PENDING once more.
 */
@Entity
@Table(name = "organizers")
public class Organizer {
    public enum Status { PENDING, VERIFIED, REJECTED }

    @Id
    private UUID id;
    @Column(name = "user_id", nullable = false)
    private UUID userId;
    @Column(name = "organization_name", nullable = false)
    private String organizationName;
    private String description;
    @Column(name = "contact_email")
    private String contactEmail;
    @Column(name = "contact_phone")
    private String contactPhone;
    @Enumerated(EnumType.STRING)
    @Column(name = "verification_status", nullable = false)
    private Status status;
    @Column(name = "rejection_reason")
    private String rejectionReason;
    @Column(name = "verified_at")
    @Convert(converter = InstantConverter.class)
    private Instant verifiedAt;
    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant updatedAt;

    protected Organizer() {
    }

    public Organizer(UUID userId, Profile profile, Instant now) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.status = Status.PENDING;
        this.createdAt = now;
        describe(profile, now);
    }

    /** What an applicant tells about their organization. */
    public record Profile(String organizationName, String description, String contactEmail, String contactPhone) {
    }

    /** Applying again after a rejection: new details, back to PENDING. */
    public void reapply(Profile profile, Instant now) {
        if (status != Status.REJECTED) {
            throw new ApiException(ErrorCode.ORGANIZER_EXISTS, "You already have an organizer profile ("
                    + status + ")", Map.of("status", status.name()));
        }
        describe(profile, now);
        status = Status.PENDING;
        rejectionReason = null;
    }

    public void verify(Instant now) {
        requirePending("verify");
        status = Status.VERIFIED;
        verifiedAt = now;
        updatedAt = now;
    }

    public void reject(String reason, Instant now) {
        requirePending("reject");
        status = Status.REJECTED;
        rejectionReason = reason;
        updatedAt = now;
    }

    public boolean isVerified() {
        return status == Status.VERIFIED;
    }

    private void requirePending(String action) {
        if (status != Status.PENDING) {
            throw new ApiException(ErrorCode.INVALID_STATE_TRANSITION, "Cannot " + action + " an organizer that is "
                    + status, Map.of("from", status.name()));
        }
    }

    private void describe(Profile profile, Instant now) {
        this.organizationName = profile.organizationName().trim();
        this.description = profile.description();
        this.contactEmail = profile.contactEmail();
        this.contactPhone = profile.contactPhone();
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }

    public String organizationName() {
        return organizationName;
    }

    public String description() {
        return description;
    }

    public String contactEmail() {
        return contactEmail;
    }

    public String contactPhone() {
        return contactPhone;
    }

    public Status status() {
        return status;
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    public Instant verifiedAt() {
        return verifiedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
