package com.eventix.events.control;

import com.eventix.events.entity.TicketTier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A ticket tier as the API shows it. */
@Schema(name = "TicketTier")
public record TierView(@Schema(example = "6f1c2a9e-8b3d-4c5e-9f70-1a2b3c4d5e6f") UUID id,
                       UUID eventId,
                       @Schema(example = "General admission") String tierName,
                       String description,
                       @Schema(description = "Exact amount in the currency beside it", example = "25.50")
                       BigDecimal price,
                       @Schema(example = "USD") String currency,
                       @Schema(example = "500") int totalQuantity,
                       @Schema(description = "Neither sold nor held", example = "312") int availableQuantity,
                       @Schema(example = "10") int maxPerOrder,
                       @Schema(description = "On sale from (absent: once the event is published)") Instant saleStart,
                       @Schema(description = "On sale until (absent: until the event starts)") Instant saleEnd) {
    public static TierView of(TicketTier t, String currency) {
        return new TierView(t.id(), t.eventId(), t.tierName(), t.description(), t.price(), currency,
                t.totalQuantity(), t.availableQuantity(), t.maxPerOrder(), t.saleStart(), t.saleEnd());
    }
}
