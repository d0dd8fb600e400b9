package com.eventix.tickets.control;

import com.eventix.tickets.entity.Ticket;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A ticket as its owner sees it, with the signed code its QR image encodes. */
@Schema(name = "Ticket")
public record TicketView(@Schema(type = SchemaType.STRING, format = "uuid") UUID id,
                         @Schema(type = SchemaType.STRING, format = "uuid") UUID eventId,
                         @Schema(type = SchemaType.STRING, format = "uuid") UUID tierId,
                         @Schema(type = SchemaType.STRING, format = "uuid") UUID orderId,
                         Ticket.Status status, String qrCode, int codeVersion,
                         @Schema(type = SchemaType.STRING, format = "date-time") Instant checkedInAt,
                         @Schema(type = SchemaType.STRING, format = "date-time") Instant createdAt) {
    public static TicketView of(Ticket t) {
        return new TicketView(t.id(), t.eventId(), t.tierId(), t.orderId(), t.status(), t.qrCode(), t.codeVersion(),
                t.checkedInAt(), t.createdAt());
    }
}
