package com.eventix.events.boundary;

import com.eventix.events.control.Events;
import com.eventix.events.control.Tiers;
import com.eventix.events.control.TierView;
import com.eventix.events.entity.Event;
import com.eventix.events.entity.TicketTier;
import com.eventix.platform.api.Responses;
import com.eventix.platform.audit.ClientOrigin;
import com.eventix.platform.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An event's ticket tiers. */
@Path("/events/{eventId}/tiers")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
// Public unless a method says otherwise: see ContractDocument on method-level @PermitAll.
@PermitAll
public class TiersResource {
    @Inject
    Tiers tiers;
    @Inject
    Events events;
    @Inject
    CurrentUser currentUser;
    @Inject
    ClientOrigin origin;

    private static final String FOREIGN_EVENT = "FORBIDDEN: the event belongs to another organizer";
    private static final String TIER_RULES = "INVALID_PRICE, INVALID_SALE_WINDOW, VENUE_CAPACITY_EXCEEDED: the tier "
            + "breaks a rule (details say which)";

    @GET
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(operationId = "listEventTiers", summary = "The event's tiers, with what is still available",
            description = "For an event you may see (drafts: their organizer and admins, with their token).")
    @APIResponse(responseCode = "200", description = "The tiers",
            content = @Content(schema = @Schema(ref = "TicketTierList")))
    public Response list(@PathParam("eventId") UUID eventId) {
        Event event = events.visible(eventId, currentUser.maybeId().orElse(null), currentUser.isAdmin());
        return Responses.ok(events.tiersOf(eventId).stream().map(t -> TierView.of(t, event.currency())).toList());
    }

    @POST
    @RolesAllowed("ORGANIZER")
    @Operation(operationId = "createEventTier", summary = "Add a tier to your event",
            description = "All tiers together must fit the venue capacity.")
    @APIResponse(responseCode = "201", description = "The tier",
            content = @Content(schema = @Schema(implementation = TierView.class)))
    @APIResponse(responseCode = "403", description = FOREIGN_EVENT)
    @APIResponse(responseCode = "409", description = "EVENT_READ_ONLY: the event is under review, cancelled or completed")
    @APIResponse(responseCode = "409", description = "TIER_NAME_TAKEN: the event has a tier of that name")
    @APIResponse(responseCode = "422", description = TIER_RULES)
    public Response create(@PathParam("eventId") UUID eventId, @Valid @NotNull EventRequests.Tier body) {
        TicketTier tier = tiers.create(actor(), eventId, body.spec());
        return Responses.created(URI.create("/api/v1/events/" + eventId + "/tiers/" + tier.id()), view(tier));
    }

    @PUT
    @Path("/{tierId}")
    @RolesAllowed("ORGANIZER")
    @Operation(operationId = "updateEventTier", summary = "Change a tier of your event", description = "Once tickets "
            + "are sold or held the price is fixed and the size cannot drop below them.")
    @APIResponse(responseCode = "200", description = "The tier",
            content = @Content(schema = @Schema(implementation = TierView.class)))
    @APIResponse(responseCode = "403", description = FOREIGN_EVENT)
    @APIResponse(responseCode = "409", description = "EVENT_READ_ONLY: the event is under review, cancelled or completed")
    @APIResponse(responseCode = "409", description = "TIER_NAME_TAKEN: the event has another tier of that name")
    @APIResponse(responseCode = "409", description = "TIER_HAS_SALES: tickets are sold or held; the price is fixed")
    @APIResponse(responseCode = "409", description = "CONCURRENT_MODIFICATION: changed by someone else meanwhile")
    @APIResponse(responseCode = "422", description = "TIER_BELOW_SOLD: fewer than the tickets sold or held")
    @APIResponse(responseCode = "422", description = TIER_RULES)
    public Response update(@PathParam("eventId") UUID eventId, @PathParam("tierId") UUID tierId,
                           @Valid @NotNull EventRequests.Tier body) {
        return Responses.ok(view(tiers.update(actor(), eventId, tierId, body.spec())));
    }

    @DELETE
    @Path("/{tierId}")
    @RolesAllowed("ORGANIZER")
    @Operation(operationId = "deleteEventTier", summary = "Delete a tier of your event that nobody bought from")
    @APIResponse(responseCode = "200", description = "Deleted")
    @APIResponse(responseCode = "403", description = FOREIGN_EVENT)
    @APIResponse(responseCode = "409", description = "EVENT_READ_ONLY: the event is under review, cancelled or completed")
    @APIResponse(responseCode = "409", description = "TIER_HAS_SALES: tickets of the tier are sold or held")
    public Response delete(@PathParam("eventId") UUID eventId, @PathParam("tierId") UUID tierId) {
        tiers.delete(actor(), eventId, tierId);
        return Responses.ok(null, "Deleted");
    }

    private TierView view(TicketTier tier) {
        return TierView.of(tier, events.visible(tier.eventId(), currentUser.id(), currentUser.isAdmin()).currency());
    }

    private Events.Actor actor() {
        return new Events.Actor(currentUser.id(), currentUser.isAdmin(), origin.get());
    }
}
