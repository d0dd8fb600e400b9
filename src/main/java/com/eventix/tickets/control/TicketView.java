package com.eventix.tickets.control;

import com.eventix.tickets.entity.Ticket;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A ticket as its owner sees it, with the signed code its QR image encodes. */
@Schema(name = "Ticket")
public record TicketView(UUID id,
                         UUID eventId,
                         UUID tierId,
                         UUID orderId,
                         Ticket.Status status,
                         @Schema(description = "The signed code the QR image encodes (EVX1.<payload>.<signature>)",
                                 example = "EVX1.AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8.c2lnbmF0dXJl")
                         String qrCode,
                         @Schema(example = "1") int codeVersion,
                         Instant checkedInAt,
                         Instant createdAt) {
    public static TicketView of(Ticket t) {
        return new TicketView(t.id(), t.eventId(), t.tierId(), t.orderId(), t.status(), t.qrCode(), t.codeVersion(),
                t.checkedInAt(), t.createdAt());
    }
}
