package com.eventix.payouts.entity;

import com.eventix.platform.persistence.InstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where an organizer's payouts go: a Stripe Connect account ({@code acct_…}), a Paystack transfer recipient
 * ({@code RCP_…}) or, where the sandbox is enabled, the sandbox. Payouts made before a change keep the account they
 * were made for.
 */
@Entity
@Table(name = "payout_accounts")
public class PayoutAccount {
    private static final Pattern STRIPE = Pattern.compile("acct_[A-Za-z0-9]{1,64}");
    private static final Pattern PAYSTACK = Pattern.compile("RCP_[A-Za-z0-9]{1,64}");
    private static final Pattern SANDBOX = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Id
    @Column(name = "organizer_id")
    private UUID organizerId;
    @Column(nullable = false)
    private String provider;
    @Column(nullable = false)
    private String destination;
    @Column(name = "updated_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant updatedAt;

    protected PayoutAccount() {
    }

    public PayoutAccount(UUID organizerId, String provider, String destination, Instant now) {
        this.organizerId = organizerId;
        change(provider, destination, now);
    }

    /** Whether {@code destination} is shaped like an account of {@code provider} ("stripe", "paystack", "sandbox"). */
    public static boolean valid(String provider, String destination) {
        if (provider == null || destination == null) {
            return false;
        }
        return switch (provider) {
            case "stripe" -> STRIPE.matcher(destination).matches();
            case "paystack" -> PAYSTACK.matcher(destination).matches();
            case "sandbox" -> SANDBOX.matcher(destination).matches();
            default -> false;
        };
    }

    public void change(String provider, String destination, Instant now) {
        if (!valid(provider, destination)) {
            throw new IllegalArgumentException("Not an account of " + provider + ": " + destination);
        }
        this.provider = provider;
        this.destination = destination;
        this.updatedAt = now;
    }

    public UUID organizerId() {
        return organizerId;
    }

    public String provider() {
        return provider;
    }

    public String destination() {
        return destination;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
