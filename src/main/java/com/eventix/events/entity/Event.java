package com.eventix.events.entity;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.persistence.InstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An event and its lifecycle, exactly the specification's state machine:
 * DRAFT → UNDER_REVIEW (submit) → PUBLISHED (approve) or back to DRAFT (reject, with a reason);
 * PUBLISHED → ACTIVE when it starts; ACTIVE → COMPLETED when it ends; PUBLISHED → CANCELLED.
 * Any other move is refused with INVALID_STATE_TRANSITION. What may be edited depends on the status.
 */
@Entity
@Table(name = "events")
public class Event {
    public enum Status { DRAFT, UNDER_REVIEW, PUBLISHED, ACTIVE, COMPLETED, CANCELLED }

    /** The organizer-editable description of an event. */
    public record Details(String title, String description, String category, String location, Instant startTime,
                          Instant endTime, String timezone, Integer venueCapacity, String currency,
                          String bannerUrl) {
    }

    @Id
    private UUID id;
    @Column(name = "organizer_id", nullable = false)
    private UUID organizerId;
    @Column(nullable = false)
    private String title;
    private String description;
    @Column(nullable = false)
    private String category;
    @Column(nullable = false)
    private String location;
    @Column(name = "start_time", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant startTime;
    @Column(name = "end_time", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant endTime;
    @Column(nullable = false)
    private String timezone;
    @Column(name = "venue_capacity")
    private Integer venueCapacity;
    @Column(nullable = false)
    private String currency;
    @Column(name = "banner_url")
    private String bannerUrl;
    @Column(name = "banner_key")
    private String bannerKey;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "rejection_reason")
    private String rejectionReason;
    @Column(name = "cancellation_reason")
    private String cancellationReason;
    /** Set while an admin has taken the event off sale and out of the listings (moderation); its status goes on. */
    @Column(name = "suspended_at")
    @Convert(converter = InstantConverter.class)
    private Instant suspendedAt;
    @Column(name = "suspension_reason")
    private String suspensionReason;
    @Column(name = "min_price")
    private BigDecimal minPrice;
    @Column(name = "max_price")
    private BigDecimal maxPrice;
    @Embedded
    private RefundPolicy refundPolicy;
    @Version
    private long version;
    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    @Convert(converter = InstantConverter.class)
    private Instant updatedAt;

    protected Event() {
    }

    /** A new draft of a verified organizer. */
    public static Event draft(UUID organizerId, Details details, Instant now) {
        Event event = new Event();
        event.id = UUID.randomUUID();
        event.organizerId = Objects.requireNonNull(organizerId);
        event.status = Status.DRAFT;
        event.refundPolicy = RefundPolicy.none();
        event.createdAt = now;
        event.apply(details, now, true);
        return event;
    }

    /**
     * Changes the details. A draft changes freely; a published event keeps its currency and may only move to a
     * future date; a running event keeps its start and may only end in the future; an event under review waits
     * for its decision; a cancelled or completed one is history. {@code committedTickets} (sold or held) bounds
     * the venue capacity.
     */
    public void edit(Details details, int committedTickets, Instant now) {
        switch (status) {
            case UNDER_REVIEW -> throw readOnly("is under review; wait for the decision");
            case COMPLETED, CANCELLED -> throw readOnly("is " + status.name().toLowerCase() + " and can no longer change");
            case PUBLISHED, ACTIVE -> {
                if (!details.currency().equalsIgnoreCase(currency)) {
                    throw readOnly("has prices on sale; its currency cannot change");
                }
                if (status == Status.ACTIVE && !details.startTime().equals(startTime)) {
                    throw readOnly("has started; its start time cannot change");
                }
                if (details.venueCapacity() != null && details.venueCapacity() < committedTickets) {
                    throw new ApiException(ErrorCode.VENUE_CAPACITY_EXCEEDED, "Venue capacity cannot drop below the "
                            + committedTickets + " tickets already sold or held",
                            Map.of("venueCapacity", details.venueCapacity(), "committed", committedTickets));
                }
            }
            default -> { }
        }
        if (status == Status.ACTIVE && !details.endTime().isAfter(now)) {
            throw new ApiException(ErrorCode.EVENT_IN_PAST, "A running event must end in the future");
        }
        boolean datesChanged = !details.startTime().equals(startTime) || !details.endTime().equals(endTime);
        apply(details, now, datesChanged && status != Status.ACTIVE);
    }

    public void submit(int tierCount, Instant now) {
        requireFrom(Status.DRAFT, Status.UNDER_REVIEW);
        if (tierCount == 0) {
            throw new ApiException(ErrorCode.EVENT_HAS_NO_TIERS, "Add at least one ticket tier before submitting");
        }
        if (!startTime.isAfter(now)) {
            throw new ApiException(ErrorCode.EVENT_IN_PAST, "The event has already started; change its date");
        }
        move(Status.DRAFT, Status.UNDER_REVIEW, now);
        rejectionReason = null;
    }

    public void approve(Instant now) {
        move(Status.UNDER_REVIEW, Status.PUBLISHED, now);
    }

    public void reject(String reason, Instant now) {
        move(Status.UNDER_REVIEW, Status.DRAFT, now);
        rejectionReason = reason;
    }

    /** The start time has come: sales may go on, check-in opens. */
    public void activate(Instant now) {
        requireFrom(Status.PUBLISHED, Status.ACTIVE);
        if (now.isBefore(startTime)) {
            throw new ApiException(ErrorCode.INVALID_STATE_TRANSITION, "The event has not started yet");
        }
        move(Status.PUBLISHED, Status.ACTIVE, now);
    }

    public void complete(Instant now) {
        requireFrom(Status.ACTIVE, Status.COMPLETED);
        if (now.isBefore(endTime)) {
            throw new ApiException(ErrorCode.INVALID_STATE_TRANSITION, "The event has not ended yet");
        }
        move(Status.ACTIVE, Status.COMPLETED, now);
    }

    public void cancel(String reason, Instant now) {
        move(Status.PUBLISHED, Status.CANCELLED, now);
        cancellationReason = reason;
    }

    /**
     * An admin takes a published or running event off sale and out of the listings, saying why; its holders keep
     * their tickets and its status moves on with time. Only one not suspended already.
     */
    public void suspend(String reason, Instant now) {
        if (status != Status.PUBLISHED && status != Status.ACTIVE) {
            throw new ApiException(ErrorCode.INVALID_STATE_TRANSITION, "Only a published or running event can be "
                    + "suspended", Map.of("from", status.name()));
        }
        if (suspendedAt != null) {
            throw new ApiException(ErrorCode.INVALID_STATE_TRANSITION, "The event is suspended already",
                    Map.of("from", "SUSPENDED"));
        }
        suspendedAt = now;
        suspensionReason = reason;
        updatedAt = now;
    }

    /** The admin puts a suspended event back on sale and in the listings. */
    public void reinstate(Instant now) {
        if (suspendedAt == null) {
            throw new ApiException(ErrorCode.INVALID_STATE_TRANSITION, "The event is not suspended",
                    Map.of("from", status.name()));
        }
        suspendedAt = null;
        suspensionReason = null;
        updatedAt = now;
    }

    /** Only a draft that never sold anything may disappear. */
    public void checkDeletable() {
        if (status != Status.DRAFT) {
            throw new ApiException(ErrorCode.INVALID_STATE_TRANSITION, "Only a draft can be deleted; cancel a "
                    + "published event instead", Map.of("from", status.name()));
        }
    }

    /** Tiers may be added or changed while the event can still sell. */
    public void checkTiersEditable() {
        if (status == Status.UNDER_REVIEW) {
            throw readOnly("is under review; wait for the decision");
        }
        if (status == Status.COMPLETED || status == Status.CANCELLED) {
            throw readOnly("is " + status.name().toLowerCase() + " and can no longer change");
        }
    }

    /**
     * The organizer's refund policy from now on; fixed once the event is under review, completed or cancelled. Its
     * amounts are in the event's currency.
     */
    public void refundPolicy(RefundPolicy policy, Instant now) {
        if (status == Status.UNDER_REVIEW) {
            throw readOnly("is under review; wait for the decision");
        }
        if (status == Status.COMPLETED || status == Status.CANCELLED) {
            throw readOnly("is " + status.name().toLowerCase() + " and can no longer change");
        }
        this.refundPolicy = policy;
        this.updatedAt = now;
    }

    /** Refuses a buyer's refund request made at {@code now} when the policy does not take it (REFUND_NOT_ALLOWED). */
    public void checkRefundRequest(Instant now) {
        refundPolicy().checkRequest(now, startTime);
    }

    public void priceRange(BigDecimal min, BigDecimal max, Instant now) {
        this.minPrice = min;
        this.maxPrice = max;
        this.updatedAt = now;
    }

    /** Shows a newly stored banner; answers the storage key of the one it replaces (null if none was stored). */
    public String banner(String url, String key, Instant now) {
        checkTiersEditable();
        String previous = bannerKey;
        this.bannerUrl = url;
        this.bannerKey = key;
        this.updatedAt = now;
        return previous;
    }

    /** Listed and searchable: on sale or running, and not suspended by an admin. */
    public boolean isListed() {
        return (status == Status.PUBLISHED || status == Status.ACTIVE) && suspendedAt == null;
    }

    /** Anyone may read it (including cancelled and completed ones, which ticket holders look up). */
    public boolean isPublic() {
        return status != Status.DRAFT && status != Status.UNDER_REVIEW;
    }

    public Currency currencyUnit() {
        return Currency.getInstance(currency);
    }

    private void move(Status from, Status to, Instant now) {
        requireFrom(from, to);
        status = to;
        updatedAt = now;
    }

    private void requireFrom(Status from, Status to) {
        if (status != from) {
            throw new ApiException(ErrorCode.INVALID_STATE_TRANSITION, "Cannot go from " + status + " to " + to,
                    Map.of("from", status.name(), "to", to.name()));
        }
    }

    private ApiException readOnly(String why) {
        return new ApiException(ErrorCode.EVENT_READ_ONLY, "This event " + why, Map.of("status", status.name()));
    }

    private void apply(Details d, Instant now, boolean checkFuture) {
        if (!d.endTime().isAfter(d.startTime())) {
            throw new ApiException(ErrorCode.EVENT_END_BEFORE_START, "The event must end after it starts",
                    Map.of("startTime", d.startTime().toString(), "endTime", d.endTime().toString()));
        }
        if (checkFuture && !d.startTime().isAfter(now)) {
            throw new ApiException(ErrorCode.EVENT_IN_PAST, "The event must start in the future",
                    Map.of("startTime", d.startTime().toString()));
        }
        try {
            ZoneId.of(d.timezone());
        } catch (DateTimeException e) {
            throw new ApiException(ErrorCode.INVALID_TIMEZONE, "Unknown time zone " + d.timezone(),
                    Map.of("timezone", d.timezone()));
        }
        try {
            Currency.getInstance(d.currency().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_CURRENCY, "Unknown ISO 4217 currency " + d.currency(),
                    Map.of("currency", d.currency()));
        }
        title = d.title().trim();
        description = d.description();
        category = d.category().trim();
        location = d.location().trim();
        startTime = d.startTime();
        endTime = d.endTime();
        timezone = d.timezone();
        venueCapacity = d.venueCapacity();
        currency = d.currency().toUpperCase();
        if (d.bannerUrl() != null) {
            bannerUrl = d.bannerUrl();
        }
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID organizerId() {
        return organizerId;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public String category() {
        return category;
    }

    public String location() {
        return location;
    }

    public Instant startTime() {
        return startTime;
    }

    public Instant endTime() {
        return endTime;
    }

    public String timezone() {
        return timezone;
    }

    /** The event's time zone (checked when it is set; UTC should a stored name ever be unknown to this JVM). */
    public ZoneId zone() {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    public Integer venueCapacity() {
        return venueCapacity;
    }

    public String currency() {
        return currency;
    }

    public String bannerUrl() {
        return bannerUrl;
    }

    public Status status() {
        return status;
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    public Instant suspendedAt() {
        return suspendedAt;
    }

    public String suspensionReason() {
        return suspensionReason;
    }

    public String cancellationReason() {
        return cancellationReason;
    }

    public BigDecimal minPrice() {
        return minPrice;
    }

    public BigDecimal maxPrice() {
        return maxPrice;
    }

    public RefundPolicy refundPolicy() {
        return refundPolicy == null ? RefundPolicy.none() : refundPolicy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
