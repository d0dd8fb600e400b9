package com.eventix.events.boundary;

import com.eventix.events.control.EventCatalog;
import com.eventix.events.control.EventPages;
import com.eventix.events.control.EventView;
import com.eventix.events.control.Events;
import com.eventix.events.entity.Event;
import com.eventix.platform.api.ReasonRequest;
import com.eventix.platform.api.Responses;
import com.eventix.platform.audit.ClientOrigin;
import com.eventix.platform.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Events: public discovery, and organizers' own events with their lifecycle. */
@Path("/events")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
// Public unless a method says otherwise: see ContractDocument on method-level @PermitAll.
@PermitAll
public class EventsResource {
    @Inject
    Events events;
    @Inject
    EventPages pages;
    @Inject
    CurrentUser currentUser;
    @Inject
    ClientOrigin origin;

    private static final String DETAILS_RULES = "EVENT_END_BEFORE_START, EVENT_IN_PAST, INVALID_TIMEZONE, "
            + "INVALID_CURRENCY, VENUE_CAPACITY_EXCEEDED: the details break a rule (details name the field)";

    @GET
    @Operation(operationId = "listEvents", summary = "Events on sale or running",
            description = "Filters combine; sort by startTime (default) or price.")
    @APIResponse(responseCode = "200", description = "A page of events",
            content = @Content(schema = @Schema(ref = "EventSummaryPage")))
    public Response list(@BeanParam ListingParams params,
                         @Parameter(schema = @Schema(enumeration = {"startTime", "price"}))
                         @QueryParam("sort") @DefaultValue("startTime") String sort) {
        return Responses.okJson(pages.list(params.filter(), ListingParams.sort(sort, EventCatalog.Sort.START_TIME),
                params.page, params.size));
    }

    @GET
    @Path("/search")
    @Operation(operationId = "searchEvents", summary = "Full-text search of events on sale or running",
            description = "Every word must match, as a prefix ('jaz' finds Jazz), in the title, category or "
                    + "description; ranked by relevance unless sorted by startTime or price. The filters of listEvents "
                    + "apply too.")
    @APIResponse(responseCode = "200", description = "A page of matching events",
            content = @Content(schema = @Schema(ref = "EventSummaryPage")))
    public Response search(@Parameter(description = "The words to find", required = true,
                                   schema = @Schema(example = "jazz accra")) @QueryParam("q") String q,
                           @BeanParam ListingParams params,
                           @Parameter(schema = @Schema(enumeration = {"relevance", "startTime", "price"}))
                           @QueryParam("sort") @DefaultValue("relevance") String sort) {
        return Responses.okJson(pages.search(q, params.filter(), ListingParams.sort(sort, EventCatalog.Sort.RELEVANCE),
                params.page, params.size));
    }

    @GET
    @Path("/{id}")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(operationId = "getEvent", summary = "An event with its tiers", description = "Drafts and events under "
            + "review are visible to their organizer and admins only (with their token).")
    @APIResponse(responseCode = "200", description = "The event",
            content = @Content(schema = @Schema(implementation = EventView.class)))
    public Response get(@PathParam("id") UUID id) {
        return Responses.okJson(pages.page(id, new EventPages.Viewer(currentUser.maybeId().orElse(null),
                currentUser.isAdmin())));
    }

    @POST
    @RolesAllowed("ORGANIZER")
    @Operation(operationId = "createEvent", summary = "Create a draft event",
            description = "Requires a verified organizer profile.")
    @APIResponse(responseCode = "201", description = "The draft",
            content = @Content(schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "403", description = "ORGANIZER_NOT_VERIFIED: your organizer profile is not verified")
    @APIResponse(responseCode = "422", description = DETAILS_RULES)
    public Response create(@Valid @NotNull EventRequests.Upsert body) {
        Event event = events.create(actor(), body.details());
        return Responses.created(URI.create("/api/v1/events/" + event.id()), EventView.of(event, List.of()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("ORGANIZER")
    @Operation(operationId = "updateEvent", summary = "Change your event", description = "Drafts change freely. "
            + "Published events keep their currency, move only to future dates and keep room for sold tickets; "
            + "running events keep their start; events under review, cancelled or completed are read-only.")
    @APIResponse(responseCode = "200", description = "The event",
            content = @Content(schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: the event belongs to another organizer")
    @APIResponse(responseCode = "409", description = "EVENT_READ_ONLY: under review, cancelled or completed, or the "
            + "change is not allowed once on sale or running (details.status)")
    @APIResponse(responseCode = "409", description = "CONCURRENT_MODIFICATION: changed by someone else meanwhile")
    @APIResponse(responseCode = "422", description = DETAILS_RULES)
    public Response update(@PathParam("id") UUID id, @Valid @NotNull EventRequests.Upsert body) {
        Event event = events.update(actor(), id, body.details());
        return Responses.ok(EventView.of(event, events.tiersOf(id)));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("ORGANIZER")
    @Operation(operationId = "deleteEvent", summary = "Delete your draft",
            description = "Published events are cancelled instead.")
    @APIResponse(responseCode = "200", description = "Deleted")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: the event belongs to another organizer")
    @APIResponse(responseCode = "409", description = "INVALID_STATE_TRANSITION: only a draft can be deleted")
    public Response delete(@PathParam("id") UUID id) {
        events.delete(actor(), id);
        return Responses.ok(null, "Deleted");
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed("ORGANIZER")
    @Operation(operationId = "submitEvent", summary = "Submit your draft for review",
            description = "Needs at least one tier and a future start.")
    @APIResponse(responseCode = "200", description = "The event, UNDER_REVIEW",
            content = @Content(schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: the event belongs to another organizer")
    @APIResponse(responseCode = "409", description = "INVALID_STATE_TRANSITION: not a draft")
    @APIResponse(responseCode = "422", description = "EVENT_HAS_NO_TIERS: add a ticket tier first")
    @APIResponse(responseCode = "422", description = "EVENT_IN_PAST: the event has started; change its date")
    public Response submit(@PathParam("id") UUID id) {
        Event event = events.submit(actor(), id);
        return Responses.ok(EventView.of(event, events.tiersOf(id)));
    }

    @PUT
    @Path("/{id}/refund-policy")
    @RolesAllowed("ORGANIZER")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "setRefundPolicy", summary = "Set your event's refund policy",
            description = "Whether and until when buyers may ask for refunds, the fee kept per ticket and whether "
                    + "requests need your approval. Applies to requests made from now on; part of the public event "
                    + "page. Fixed once the event is under review, completed or cancelled (EVENT_READ_ONLY).")
    @APIResponse(responseCode = "200", description = "The event with its policy",
            content = @Content(schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "404", description = "No such event of yours (NOT_FOUND)",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "409", description = "EVENT_READ_ONLY",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response setRefundPolicy(@PathParam("id") UUID id, @Valid @NotNull EventRequests.RefundPolicy body) {
        Event event = events.refundPolicy(actor(), id, body.mode,
                body.deadlineHoursBeforeStart == null ? 0 : body.deadlineHoursBeforeStart, body.feePercent,
                body.feeFixed);
        return Responses.ok(EventView.of(event, events.tiersOf(id)));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({"ORGANIZER", "ADMIN"})
    @Operation(operationId = "cancelEvent", summary = "Cancel a published event",
            description = "By its organizer or an admin. Active holds are released.")
    @APIResponse(responseCode = "200", description = "The event, CANCELLED",
            content = @Content(schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: the event belongs to another organizer")
    @APIResponse(responseCode = "409", description = "INVALID_STATE_TRANSITION: only a published event can be cancelled")
    public Response cancel(@PathParam("id") UUID id, @Valid @NotNull ReasonRequest body) {
        Event event = events.cancel(actor(), id, body.reason);
        return Responses.ok(EventView.of(event, events.tiersOf(id)));
    }

    private Events.Actor actor() {
        return new Events.Actor(currentUser.id(), currentUser.isAdmin(), origin.get());
    }
}
