package com.eventix.events.control;

import com.eventix.events.entity.Event;
import com.eventix.events.entity.TicketTier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event page: the event with its tiers. */
@Schema(name = "Event")
public record EventView(@Schema(type = SchemaType.STRING, format = "uuid") UUID id,
                        @Schema(type = SchemaType.STRING, format = "uuid") UUID organizerId,
                        String title, String description, String category, String location,
                        @Schema(type = SchemaType.STRING, format = "date-time") Instant startTime,
                        @Schema(type = SchemaType.STRING, format = "date-time") Instant endTime,
                        String timezone, Integer venueCapacity, String currency, String bannerUrl,
                        Event.Status status,
                        @Schema(description = "Why an admin sent it back to DRAFT") String rejectionReason,
                        String cancellationReason, BigDecimal minPrice, BigDecimal maxPrice,
                        List<TierView> tiers, RefundPolicyView refundPolicy,
                        @Schema(type = SchemaType.STRING, format = "date-time") Instant createdAt,
                        @Schema(type = SchemaType.STRING, format = "date-time") Instant updatedAt) {
    public static EventView of(Event e, List<TicketTier> tiers) {
        return new EventView(e.id(), e.organizerId(), e.title(), e.description(), e.category(), e.location(),
                e.startTime(), e.endTime(), e.timezone(), e.venueCapacity(), e.currency(), e.bannerUrl(), e.status(),
                e.rejectionReason(), e.cancellationReason(), e.minPrice(), e.maxPrice(),
                tiers.stream().map(t -> TierView.of(t, e.currency())).toList(), RefundPolicyView.of(e), e.createdAt(),
                e.updatedAt());
    }
}
