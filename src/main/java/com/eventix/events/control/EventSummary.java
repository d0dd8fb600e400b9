package com.eventix.events.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event as listings and search results show it. */
@Schema(name = "EventSummary")
public record EventSummary(
        @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
        String title, String category, String location,
        @Schema(type = SchemaType.STRING, format = "date-time") Instant startTime,
        @Schema(type = SchemaType.STRING, format = "date-time") Instant endTime,
        String timezone, String currency,
        @Schema(description = "Lowest tier price") BigDecimal minPrice,
        @Schema(description = "Highest tier price") BigDecimal maxPrice,
        @Schema(description = "Tickets still available across tiers") long availableTickets,
        boolean soldOut, String bannerUrl, String status,
        @Schema(type = SchemaType.STRING, format = "uuid") UUID organizerId, String organizerName) {
}
