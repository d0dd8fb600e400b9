package com.eventix.admin.boundary;

import com.eventix.organizers.boundary.OrganizerView;
import com.eventix.organizers.control.Organizers;
import com.eventix.organizers.entity.Organizer;
import com.eventix.platform.api.Page;
import com.eventix.platform.api.ReasonRequest;
import com.eventix.platform.api.Responses;
import com.eventix.platform.audit.ClientOrigin;
import com.eventix.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins review organizer applications. */
@Path("/admin/organizers")
@ApplicationScoped
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
public class AdminOrganizersResource {
    @Inject
    Organizers organizers;
    @Inject
    CurrentUser currentUser;
    @Inject
    ClientOrigin origin;

    @GET
    @Operation(operationId = "listOrganizers", summary = "Organizer applications, oldest first")
    @APIResponse(responseCode = "200", description = "A page of organizers",
            content = @Content(schema = @Schema(ref = "OrganizerPage")))
    public Response list(@Parameter(description = "Only organizers in this status, e.g. PENDING")
                         @QueryParam("status") Organizer.Status status,
                         @QueryParam("page") @DefaultValue("1") int page,
                         @QueryParam("size") @DefaultValue("20") int size) {
        Page.checkRequest(page, size);
        return Responses.ok(organizers.list(status, page, size).map(OrganizerView::of));
    }

    @POST
    @Path("/{id}/verify")
    @Operation(operationId = "verifyOrganizer", summary = "Verify a pending organizer",
            description = "Grants the ORGANIZER role (in the organizer's next access token).")
    @APIResponse(responseCode = "200", description = "The verified organizer",
            content = @Content(schema = @Schema(implementation = OrganizerView.class)))
    @APIResponse(responseCode = "409", description = "INVALID_STATE_TRANSITION: not pending")
    public Response verify(@PathParam("id") UUID id) {
        return Responses.ok(OrganizerView.of(organizers.verify(id, currentUser.id(), origin.get())));
    }

    @POST
    @Path("/{id}/reject")
    @Operation(operationId = "rejectOrganizer", summary = "Reject a pending organizer, with a reason the applicant sees")
    @APIResponse(responseCode = "200", description = "The rejected organizer",
            content = @Content(schema = @Schema(implementation = OrganizerView.class)))
    @APIResponse(responseCode = "409", description = "INVALID_STATE_TRANSITION: not pending")
    public Response reject(@PathParam("id") UUID id, @Valid @NotNull ReasonRequest body) {
        return Responses.ok(OrganizerView.of(organizers.reject(id, body.reason, currentUser.id(), origin.get())));
    }
}
