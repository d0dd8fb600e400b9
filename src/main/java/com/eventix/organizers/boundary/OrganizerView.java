package com.eventix.organizers.boundary;

import com.eventix.organizers.entity.Organizer;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An organizer profile as the API shows it. */
@Schema(name = "Organizer")
public record OrganizerView(UUID id,
                            UUID userId,
                            String organizationName, String description, String contactEmail, String contactPhone,
                            Organizer.Status verificationStatus, String rejectionReason,
                            Instant verifiedAt,
                            Instant createdAt) {
    public static OrganizerView of(Organizer o) {
        return new OrganizerView(o.id(), o.userId(), o.organizationName(), o.description(), o.contactEmail(),
                o.contactPhone(), o.status(), o.rejectionReason(), o.verifiedAt(), o.createdAt());
    }
}
