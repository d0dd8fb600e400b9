package com.eventix.organizers.boundary;

import com.eventix.organizers.control.Organizers;
import com.eventix.organizers.entity.Organizer;
import com.eventix.platform.api.Responses;
import com.eventix.platform.audit.ClientOrigin;
import com.eventix.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Applying to become an organizer, and reading one's own organizer profile. */
@Path("/organizers")
@ApplicationScoped
@RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Organizers")
public class OrganizersResource {
    @Inject
    Organizers organizers;
    @Inject
    CurrentUser currentUser;
    @Inject
    ClientOrigin origin;

    @POST
    @Operation(operationId = "applyAsOrganizer", summary = "Apply to become an organizer",
            description = "The profile starts PENDING. When an admin verifies it, the ORGANIZER role is granted; it "
                    + "appears in the next access token (sign in again or call /auth/refresh).")
    @APIResponse(responseCode = "201", description = "The pending application",
            content = @Content(schema = @Schema(implementation = OrganizerView.class)))
    @APIResponse(responseCode = "409", description = "ORGANIZER_EXISTS: you applied already (pending or verified)")
    public Response apply(@Valid @NotNull OrganizerRequests.Apply body) {
        Organizer organizer = organizers.apply(currentUser.id(), new Organizer.Profile(body.organizationName,
                body.description, body.contactEmail, body.contactPhone), origin.get());
        return Responses.created(URI.create("/api/v1/organizers/me"), OrganizerView.of(organizer));
    }

    @GET
    @Path("/me")
    @Operation(operationId = "getMyOrganizerProfile", summary = "Your organizer profile and its verification status")
    @APIResponse(responseCode = "200", description = "The profile",
            content = @Content(schema = @Schema(implementation = OrganizerView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: you have not applied")
    public Response mine() {
        return Responses.ok(OrganizerView.of(organizers.mine(currentUser.id())));
    }
}
