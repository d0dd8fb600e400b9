package com.eventix.checkin.boundary;

import static com.eventix.checkin.boundary.EventHost.FOREIGN_EVENT;

import com.eventix.checkin.control.CheckinListView;
import com.eventix.checkin.control.CheckinLists;
import com.eventix.checkin.entity.CheckinList;
import com.eventix.platform.api.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The check-in lists of an organizer's event: which tickets each door admits, and when. */
@Path("/events/{eventId}/checkin-lists")
@ApplicationScoped
@RolesAllowed("ORGANIZER")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Check-in")
public class CheckinListsResource {
    @Inject
    CheckinLists lists;
    @Inject
    EventHost host;

    @GET
    @Operation(operationId = "listCheckinLists", summary = "Your event's check-in lists, the default one first")
    @APIResponse(responseCode = "200", description = "The lists",
            content = @Content(schema = @Schema(ref = "CheckinListList")))
    @APIResponse(responseCode = "403", description = FOREIGN_EVENT)
    @APIResponse(responseCode = "409", description = "EVENT_NOT_PUBLISHED: check-in opens once the event is published")
    public Response listCheckinLists(@PathParam("eventId") UUID eventId) {
        return Responses.ok(lists.of(host.actor(), eventId).stream().map(CheckinListView::of).toList());
    }

    @POST
    @Operation(operationId = "createCheckinList", summary = "Add a check-in list to your event",
            description = "A list admits the tiers it names (none: all), between its opening and closing times; with "
                    + "scansExits a ticket that went out may come in again.")
    @APIResponse(responseCode = "201", description = "The list",
            content = @Content(schema = @Schema(implementation = CheckinListView.class)))
    @APIResponse(responseCode = "403", description = FOREIGN_EVENT)
    @APIResponse(responseCode = "409", description = "EVENT_NOT_PUBLISHED: check-in opens once the event is published")
    public Response createCheckinList(@PathParam("eventId") UUID eventId,
                                      @Valid @NotNull CheckinRequests.ListSettings body) {
        CheckinList list = lists.create(host.actor(), eventId, body.settings());
        return Responses.created(URI.create("/api/v1/events/" + eventId + "/checkin-lists/" + list.id()),
                CheckinListView.of(list));
    }

    @PUT
    @Path("/{listId}")
    @Operation(operationId = "updateCheckinList", summary = "Change a check-in list of your event",
            description = "Stays already begun are kept; the new rules apply to the next scans.")
    @APIResponse(responseCode = "200", description = "The list",
            content = @Content(schema = @Schema(implementation = CheckinListView.class)))
    @APIResponse(responseCode = "403", description = FOREIGN_EVENT)
    @APIResponse(responseCode = "409", description = "EVENT_NOT_PUBLISHED: check-in opens once the event is published")
    public Response updateCheckinList(@PathParam("eventId") UUID eventId, @PathParam("listId") UUID listId,
                                      @Valid @NotNull CheckinRequests.ListSettings body) {
        return Responses.ok(CheckinListView.of(lists.update(host.actor(), eventId, listId, body.settings())));
    }

    @DELETE
    @Path("/{listId}")
    @Operation(operationId = "deleteCheckinList", summary = "Delete a check-in list nobody was scanned on")
    @APIResponse(responseCode = "200", description = "Deleted")
    @APIResponse(responseCode = "403", description = FOREIGN_EVENT)
    @APIResponse(responseCode = "409", description = "CHECKIN_LIST_IN_USE: tickets were scanned on it; it stays as "
            + "their record")
    public Response deleteCheckinList(@PathParam("eventId") UUID eventId, @PathParam("listId") UUID listId) {
        lists.delete(host.actor(), eventId, listId);
        return Responses.ok(null, "Deleted");
    }
}
