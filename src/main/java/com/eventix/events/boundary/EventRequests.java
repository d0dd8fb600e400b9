package com.eventix.events.boundary;

import com.eventix.events.entity.Event;
import com.eventix.events.entity.TicketTier;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Request bodies for events and tiers. Status, ids, organizer and availability are not part of them: clients
 * cannot set those (unknown properties are ignored). Plain classes: Payara's OpenAPI scanner cannot read
 * validation constraints on records.
 */
public final class EventRequests {
    private EventRequests() {
    }

    @Schema(name = "EventRequest")
    public static class Upsert {
        @NotBlank @Size(max = 200) @Schema(example = "Accra Jazz Night")
        public String title;
        @Size(max = 10_000)
        public String description;
        @NotBlank @Size(max = 64) @Schema(example = "music")
        public String category;
        @NotBlank @Size(max = 300) @Schema(example = "Accra International Conference Centre")
        public String location;
        @NotNull @Schema(example = "2026-05-01T19:00:00Z")
        public Instant startTime;
        @NotNull @Schema(example = "2026-05-01T23:00:00Z")
        public Instant endTime;
        @Size(max = 64) @Schema(description = "IANA time zone of the venue", example = "Africa/Accra", defaultValue = "UTC")
        public String timezone;
        @Min(1) @Max(10_000_000) @Schema(description = "Optional cap on all tiers together")
        public Integer venueCapacity;
        @NotBlank @Pattern(regexp = "^[A-Za-z]{3}$", message = "must be an ISO 4217 code") @Schema(example = "USD")
        public String currency;
        @Size(max = 1000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL")
        public String bannerUrl;

        Event.Details details() {
            return new Event.Details(title, description, category, location, startTime, endTime,
                    timezone == null || timezone.isBlank() ? "UTC" : timezone, venueCapacity, currency, bannerUrl);
        }
    }

    @Schema(name = "RefundPolicyRequest")
    public static class RefundPolicy {
        @NotNull @Schema(description = "NONE: no refunds on request; AUTOMATIC: refunded at once; APPROVAL: you decide")
        public com.eventix.events.entity.RefundPolicy.Mode mode;
        @Min(0) @Max(com.eventix.events.entity.RefundPolicy.MAX_DEADLINE_HOURS)
        @Schema(description = "Requests are taken until this many hours before the start", defaultValue = "0")
        public Integer deadlineHoursBeforeStart;
        @DecimalMin("0") @jakarta.validation.constraints.DecimalMax("100")
        @Schema(description = "Percentage of a ticket's price kept per refunded ticket", example = "10", defaultValue = "0")
        public BigDecimal feePercent;
        @DecimalMin("0")
        @Schema(description = "Fixed amount kept per refunded ticket, in the event's currency; the fee never exceeds "
                + "the ticket's price", example = "1.50", defaultValue = "0")
        public BigDecimal feeFixed;
    }

    @Schema(name = "TierRequest")
    public static class Tier {
        @NotBlank @Size(max = 100) @Schema(example = "General admission")
        public String tierName;
        @Size(max = 2000)
        public String description;
        @NotNull @DecimalMin("0") @Schema(description = "Exact amount in the event's currency", example = "49.99")
        public BigDecimal price;
        @NotNull @Min(1) @Max(1_000_000) @Schema(example = "500")
        public Integer totalQuantity;
        @Min(1) @Max(100) @Schema(defaultValue = "10")
        public Integer maxPerOrder;
        public Instant saleStart;
        public Instant saleEnd;

        TicketTier.Spec spec() {
            return new TicketTier.Spec(tierName, description, price, totalQuantity,
                    maxPerOrder == null ? 10 : maxPerOrder, saleStart, saleEnd);
        }
    }
}
