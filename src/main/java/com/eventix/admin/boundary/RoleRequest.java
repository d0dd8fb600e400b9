package com.eventix.admin.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The role an admin gives an account. */
@Schema(name = "RoleRequest")
public class RoleRequest {
    @NotNull
    @Pattern(regexp = "ATTENDEE|ORGANIZER|ADMIN", message = "must be ATTENDEE, ORGANIZER or ADMIN")
    @Schema(enumeration = {"ATTENDEE", "ORGANIZER", "ADMIN"})
    public String role;
}
