package com.eventix.events.control;

import com.eventix.events.entity.TicketTier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A ticket tier as the API shows it. */
@Schema(name = "TicketTier")
public record TierView(@Schema(type = SchemaType.STRING, format = "uuid") UUID id,
                       @Schema(type = SchemaType.STRING, format = "uuid") UUID eventId,
                       String tierName, String description, BigDecimal price, String currency,
                       int totalQuantity, int availableQuantity, int maxPerOrder,
                       @Schema(type = SchemaType.STRING, format = "date-time") Instant saleStart,
                       @Schema(type = SchemaType.STRING, format = "date-time") Instant saleEnd) {
    public static TierView of(TicketTier t, String currency) {
        return new TierView(t.id(), t.eventId(), t.tierName(), t.description(), t.price(), currency,
                t.totalQuantity(), t.availableQuantity(), t.maxPerOrder(), t.saleStart(), t.saleEnd());
    }
}
