package com.eventix.organizers.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the organizer endpoints (classes: Payara's OpenAPI scanner cannot read records' constraints). */
public final class OrganizerRequests {
    private OrganizerRequests() {
    }

    @Schema(name = "OrganizerApplication")
    public static class Apply {
        @NotBlank @Size(max = 200)
        public String organizationName;
        @Size(max = 5000)
        public String description;
        @NotBlank @Email @Size(max = 320)
        public String contactEmail;
        @Size(max = 32) @Pattern(regexp = "^\\+?[0-9 ()-]{5,31}$", message = "must be a phone number")
        public String contactPhone;
    }
}
