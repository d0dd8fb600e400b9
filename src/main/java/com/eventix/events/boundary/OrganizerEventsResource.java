package com.eventix.events.boundary;

import com.eventix.events.control.EventView;
import com.eventix.events.control.Events;
import com.eventix.platform.api.Page;
import com.eventix.platform.api.Responses;
import com.eventix.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An organizer's own events, in every status. */
@Path("/organizers/me/events")
@ApplicationScoped
@RolesAllowed({"ORGANIZER", "ATTENDEE", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Events")
public class OrganizerEventsResource {
    @Inject
    Events events;
    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(operationId = "listMyEvents", summary = "Your events in every status, latest start first",
            description = "Empty unless you are an organizer.")
    @APIResponse(responseCode = "200", description = "A page of your events",
            content = @Content(schema = @Schema(ref = "EventPage")))
    public Response mine(@QueryParam("page") @DefaultValue("1") int page,
                         @QueryParam("size") @DefaultValue("20") int size) {
        Page.checkRequest(page, size);
        return Responses.ok(events.ofOrganizer(currentUser.id(), page, size)
                .map(e -> EventView.of(e, events.tiersOf(e.id()))));
    }
}
