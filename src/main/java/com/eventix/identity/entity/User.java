package com.eventix.identity.entity;

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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** An account. Emails are stored lower-cased: one person, one account, whatever the capitalisation. */
@Entity
@Table(name = "users")
public class User {
    public enum Status { ACTIVE, BANNED }

    @Id
    private UUID id;
    @Column(nullable = false)
    private String email;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "first_name", nullable = false)
    private String firstName;
    @Column(name = "last_name", nullable = false)
    private String lastName;
    private String phone;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "google_subject")
    private String googleSubject;
    @Column(name = "email_verified_at")
    @Convert(converter = InstantConverter.class)
    private Instant emailVerifiedAt;
    @Column(name = "banned_at")
    @Convert(converter = InstantConverter.class)
    private Instant bannedAt;
    @Column(name = "ban_reason")
    private String banReason;
    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant updatedAt;

    protected User() {
    }

    private User(String email, String firstName, String lastName, String phone, Instant now) {
        this.id = UUID.randomUUID();
        this.email = normalizeEmail(email);
        this.firstName = firstName.trim();
        this.lastName = lastName.trim();
        this.phone = blankToNull(phone);
        this.role = Role.ATTENDEE;
        this.status = Status.ACTIVE;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A new attendee who signs in with a password. */
    public static User withPassword(String email, String passwordHash, String firstName, String lastName,
                                    String phone, Instant now) {
        User user = new User(email, firstName, lastName, phone, now);
        user.passwordHash = Objects.requireNonNull(passwordHash);
        return user;
    }

    /** A new attendee known only through their Google account; Google vouched for the email, so it is verified. */
    public static User fromGoogle(String email, String subject, String firstName, String lastName, Instant now) {
        User user = new User(email, firstName, lastName, null, now);
        user.googleSubject = Objects.requireNonNull(subject);
        user.emailVerifiedAt = now;
        return user;
    }

    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public void updateProfile(String firstName, String lastName, String phone, Instant now) {
        if (firstName != null) {
            this.firstName = firstName.trim();
        }
        if (lastName != null) {
            this.lastName = lastName.trim();
        }
        if (phone != null) {
            this.phone = blankToNull(phone);
        }
        this.updatedAt = now;
    }

    /** Records that the owner showed they read mail sent to this address; the first proof counts. */
    public void verifyEmail(Instant now) {
        if (emailVerifiedAt == null) {
            emailVerifiedAt = now;
            updatedAt = now;
        }
    }

    public boolean isEmailVerified() {
        return emailVerifiedAt != null;
    }

    /** Replaces the password (its hash) with a new one. */
    public void changePassword(String passwordHash, Instant now) {
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.updatedAt = now;
    }

    /**
     * Links a Google identity to this account; an account keeps the first identity it was linked to. Only an
     * account whose email was verified may be linked: otherwise whoever registered the address first (without
     * owning it) would share the account with its real owner, keeping their password.
     */
    public void linkGoogle(String subject, Instant now) {
        if (!isEmailVerified()) {
            throw new IllegalStateException("account email not verified");
        }
        if (googleSubject != null && !googleSubject.equals(subject)) {
            throw new IllegalStateException("account already linked to another Google identity");
        }
        this.googleSubject = subject;
        this.updatedAt = now;
    }

    public void changeRole(Role role, Instant now) {
        this.role = Objects.requireNonNull(role);
        this.updatedAt = now;
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    /** An admin bans the account: it can no longer sign in or use its tokens. */
    public void ban(String reason, Instant now) {
        if (status == Status.BANNED) {
            throw new ApiException(ErrorCode.INVALID_STATE_TRANSITION, "This account is banned already",
                    Map.of("from", status.name(), "to", Status.BANNED.name()));
        }
        status = Status.BANNED;
        bannedAt = now;
        banReason = Objects.requireNonNull(reason);
        updatedAt = now;
    }

    /** An admin lifts the ban; the account signs in again (its old sessions stay ended). */
    public void unban(Instant now) {
        if (status != Status.BANNED) {
            throw new ApiException(ErrorCode.INVALID_STATE_TRANSITION, "This account is not banned",
                    Map.of("from", status.name(), "to", Status.ACTIVE.name()));
        }
        status = Status.ACTIVE;
        bannedAt = null;
        banReason = null;
        updatedAt = now;
    }

    public Instant bannedAt() {
        return bannedAt;
    }

    public String banReason() {
        return banReason;
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String phone() {
        return phone;
    }

    public Role role() {
        return role;
    }

    public Status status() {
        return status;
    }

    public String googleSubject() {
        return googleSubject;
    }

    public Instant emailVerifiedAt() {
        return emailVerifiedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
