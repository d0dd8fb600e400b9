package com.eventix.checkin.control;

import com.eventix.tickets.entity.Ticket;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A ticket of the event with its holder, as the organizer's attendee list shows it. */
@Schema(name = "Attendee")
public record AttendeeView(UUID ticketId,
                           @Schema(example = "Ama Mensah") String holderName,
                           @Schema(example = "ama@example.com") String email,
                           UUID tierId,
                           @Schema(example = "General admission") String tierName,
                           Ticket.Status status,
                           @Schema(description = "First admitted at (absent: not yet)") Instant checkedInAt) {
}
