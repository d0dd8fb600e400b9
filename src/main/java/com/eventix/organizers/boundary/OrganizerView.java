package com.eventix.organizers.boundary;

import com.eventix.organizers.entity.Organizer;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An organizer profile as the API shows it. */
@Schema(name = "Organizer")
public record OrganizerView(@Schema(type = SchemaType.STRING, format = "uuid") UUID id,
                            @Schema(type = SchemaType.STRING, format = "uuid") UUID userId,
                            String organizationName, String description, String contactEmail, String contactPhone,
                            Organizer.Status verificationStatus, String rejectionReason,
                            @Schema(type = SchemaType.STRING, format = "date-time") Instant verifiedAt,
                            @Schema(type = SchemaType.STRING, format = "date-time") Instant createdAt) {
    public static OrganizerView of(Organizer o) {
        return new OrganizerView(o.id(), o.userId(), o.organizationName(), o.description(), o.contactEmail(),
                o.contactPhone(), o.status(), o.rejectionReason(), o.verifiedAt(), o.createdAt());
    }
}
