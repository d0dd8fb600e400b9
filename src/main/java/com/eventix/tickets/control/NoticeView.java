package com.eventix.tickets.control;

import com.eventix.tickets.entity.EventNotice;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A notice to an event's ticket holders, and how far its delivery got. */
@Schema(name = "EventNotice")
public record NoticeView(UUID id, UUID eventId, EventNotice.Kind kind,
                         @Schema(example = "Doors open at 18:00") String subject,
                         String message,
                         @Schema(description = "The organizer who wrote it (absent: Eventix)") UUID createdBy,
                         Instant createdAt,
                         @Schema(description = "Holders mailed so far", example = "340") long told,
                         @Schema(description = "When every holder had been told (absent: still being sent)")
                         Instant completedAt) {

    public static NoticeView of(EventNotice n, long told) {
        return new NoticeView(n.id(), n.eventId(), n.kind(), n.subject(), n.body(), n.createdBy(), n.createdAt(), told,
                n.completedAt());
    }
}
