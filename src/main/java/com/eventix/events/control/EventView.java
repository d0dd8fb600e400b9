package com.eventix.events.control;

import com.eventix.events.entity.Event;
import com.eventix.events.entity.TicketTier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event page: the event with its tiers. */
@Schema(name = "Event")
public record EventView(@Schema(example = "3f2b8c1e-4d5a-4e6f-9a7b-1c2d3e4f5a6b") UUID id,
                        UUID organizerId,
                        @Schema(example = "Accra Jazz Night") String title,
                        String description,
                        @Schema(example = "music") String category,
                        @Schema(example = "Accra International Conference Centre") String location,
                        @Schema(example = "2026-05-01T19:00:00Z") Instant startTime,
                        @Schema(example = "2026-05-01T23:00:00Z") Instant endTime,
                        @Schema(description = "IANA time zone of the venue", example = "Africa/Accra") String timezone,
                        Integer venueCapacity,
                        @Schema(description = "ISO 4217 code of every price of the event", example = "USD")
                        String currency,
                        String bannerUrl,
                        Event.Status status,
                        @Schema(description = "Why an admin sent it back to DRAFT") String rejectionReason,
                        String cancellationReason,
                        @Schema(description = "When an admin suspended it (off sale and out of the listings); absent "
                                + "otherwise") Instant suspendedAt,
                        @Schema(description = "Why an admin suspended it") String suspensionReason,
                        @Schema(description = "Lowest tier price", example = "25.50") BigDecimal minPrice,
                        @Schema(description = "Highest tier price", example = "120.00") BigDecimal maxPrice,
                        List<TierView> tiers,
                        RefundPolicyView refundPolicy,
                        Instant createdAt,
                        Instant updatedAt) {
    public static EventView of(Event e, List<TicketTier> tiers) {
        return new EventView(e.id(), e.organizerId(), e.title(), e.description(), e.category(), e.location(),
                e.startTime(), e.endTime(), e.timezone(), e.venueCapacity(), e.currency(), e.bannerUrl(), e.status(),
                e.rejectionReason(), e.cancellationReason(), e.suspendedAt(), e.suspensionReason(), e.minPrice(),
                e.maxPrice(),
                tiers.stream().map(t -> TierView.of(t, e.currency())).toList(), RefundPolicyView.of(e), e.createdAt(),
                e.updatedAt());
    }
}
