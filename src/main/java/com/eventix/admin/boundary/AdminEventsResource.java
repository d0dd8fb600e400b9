package com.eventix.admin.boundary;

import com.eventix.events.control.EventView;
import com.eventix.events.control.Events;
import com.eventix.events.entity.Event;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins moderate events: the review queue, approval and rejection. */
@Path("/admin/events")
@ApplicationScoped
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
public class AdminEventsResource {
    @Inject
    Events events;
    @Inject
    CurrentUser currentUser;
    @Inject
    ClientOrigin origin;

    @GET
    @Operation(operationId = "listEventsByStatus", summary = "Events in a status, oldest change first",
            description = "The review queue by default (status=UNDER_REVIEW).")
    @APIResponse(responseCode = "200", description = "A page of events",
            content = @Content(schema = @Schema(ref = "EventPage")))
    public Response list(@QueryParam("status") @DefaultValue("UNDER_REVIEW") Event.Status status,
                         @QueryParam("page") @DefaultValue("1") int page,
                         @QueryParam("size") @DefaultValue("20") int size) {
        Page.checkRequest(page, size);
        return Responses.ok(events.inStatus(status, page, size).map(e -> EventView.of(e, events.tiersOf(e.id()))));
    }

    @POST
    @Path("/{id}/approve")
    @Operation(operationId = "approveEvent", summary = "Publish an event under review")
    @APIResponse(responseCode = "200", description = "The event, PUBLISHED",
            content = @Content(schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "409", description = "INVALID_STATE_TRANSITION: the event is not under review")
    public Response approve(@PathParam("id") UUID id) {
        Event event = events.approve(actor(), id);
        return Responses.ok(EventView.of(event, events.tiersOf(id)));
    }

    @POST
    @Path("/{id}/reject")
    @Operation(operationId = "rejectEvent",
            summary = "Send an event under review back to DRAFT, with a reason the organizer sees")
    @APIResponse(responseCode = "200", description = "The event, DRAFT",
            content = @Content(schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "409", description = "INVALID_STATE_TRANSITION: the event is not under review")
    public Response reject(@PathParam("id") UUID id, @Valid @NotNull ReasonRequest body) {
        Event event = events.reject(actor(), id, body.reason);
        return Responses.ok(EventView.of(event, events.tiersOf(id)));
    }

    @POST
    @Path("/{id}/suspend")
    @Operation(operationId = "suspendEvent", summary = "Take a published or running event off sale and out of listings",
            description = "With a reason its organizer is told. Tickets sold stay valid; holds and checkouts under way "
                    + "cannot become orders (a payment arriving is refunded). Audited.")
    @APIResponse(responseCode = "200", description = "The event, with suspendedAt",
            content = @Content(schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such event",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "409", description = "INVALID_STATE_TRANSITION: not published or running, or "
            + "suspended already", content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response suspend(@PathParam("id") UUID id, @Valid @NotNull ReasonRequest body) {
        Event event = events.suspend(actor(), id, body.reason);
        return Responses.ok(EventView.of(event, events.tiersOf(id)));
    }

    @POST
    @Path("/{id}/reinstate")
    @Operation(operationId = "reinstateEvent", summary = "Put a suspended event back on sale and in the listings",
            description = "Its organizer is told. Audited.")
    @APIResponse(responseCode = "200", description = "The event",
            content = @Content(schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such event",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "409", description = "INVALID_STATE_TRANSITION: the event is not suspended",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response reinstate(@PathParam("id") UUID id) {
        Event event = events.reinstate(actor(), id);
        return Responses.ok(EventView.of(event, events.tiersOf(id)));
    }

    private Events.Actor actor() {
        return new Events.Actor(currentUser.id(), true, origin.get());
    }
}
