package com.eventix.events.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import com.eventix.events.entity.Event;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event as listings and search results show it. */
@Schema(name = "EventSummary")
public record EventSummary(
        UUID id,
        @Schema(example = "Accra Jazz Night") String title,
        @Schema(example = "music") String category,
        @Schema(example = "Accra International Conference Centre") String location,
        Instant startTime,
        Instant endTime,
        @Schema(example = "Africa/Accra") String timezone,
        @Schema(example = "USD") String currency,
        @Schema(description = "Lowest tier price", example = "25.50") BigDecimal minPrice,
        @Schema(description = "Highest tier price", example = "120.00") BigDecimal maxPrice,
        @Schema(description = "Tickets still available across tiers") long availableTickets,
        boolean soldOut, String bannerUrl,
        @Schema(implementation = Event.Status.class) String status,
        UUID organizerId, String organizerName) {
}
