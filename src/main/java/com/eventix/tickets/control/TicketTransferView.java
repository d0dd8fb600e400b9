package com.eventix.tickets.control;

import com.eventix.tickets.entity.TicketTransfer;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A transfer offer as its sender and its recipient see it, with what the recipient needs to decide. Its status is
 * as of now: a pending offer past its expiry is EXPIRED.
 */
@Schema(name = "TicketTransfer", description = "A transfer offer. Its status is as of the response: a pending offer "
        + "past its expiry is EXPIRED.")
public record TicketTransferView(@Schema(type = SchemaType.STRING, format = "uuid") UUID id,
                                 @Schema(type = SchemaType.STRING, format = "uuid") UUID ticketId,
                                 @Schema(type = SchemaType.STRING, format = "uuid") UUID eventId,
                                 String eventTitle,
                                 @Schema(type = SchemaType.STRING, format = "date-time") Instant eventStartTime,
                                 String tierName,
                                 @Schema(description = "The sender's first and last name") String senderName,
                                 String recipientEmail,
                                 TicketTransfer.Status status,
                                 @Schema(type = SchemaType.STRING, format = "date-time") Instant expiresAt,
                                 @Schema(type = SchemaType.STRING, format = "date-time") Instant createdAt,
                                 @Schema(type = SchemaType.STRING, format = "date-time",
                                         description = "When it was accepted, declined, cancelled or expired")
                                 Instant endedAt) {
}
