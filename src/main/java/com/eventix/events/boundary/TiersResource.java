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
import jakarta.enterprise.context.RequestScoped;
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

/** An event's ticket tiers. */
@Path("/events/{eventId}/tiers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Ticket tiers")
public class TiersResource {
    @Inject
    Tiers tiers;
    @Inject
    Events events;
    @Inject
    CurrentUser currentUser;
    @Inject
    ClientOrigin origin;

    @GET
    @PermitAll
    @Operation(summary = "The event's tiers, with what is still available")
    @APIResponse(responseCode = "200", description = "Tiers")
    public Response list(@PathParam("eventId") UUID eventId) {
        Event event = events.visible(eventId, currentUser.maybeId().orElse(null), currentUser.isAdmin());
        return Responses.ok(events.tiersOf(eventId).stream().map(t -> TierView.of(t, event.currency())).toList());
    }

    @POST
    @RolesAllowed("ORGANIZER")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Add a tier", description = "All tiers together must fit the venue capacity.")
    @APIResponse(responseCode = "201", description = "The tier",
            content = @Content(schema = @Schema(implementation = TierView.class)))
    public Response create(@PathParam("eventId") UUID eventId, @Valid @NotNull EventRequests.Tier body) {
        TicketTier tier = tiers.create(actor(), eventId, body.spec());
        return Responses.created(URI.create("/api/v1/events/" + eventId + "/tiers/" + tier.id()), view(tier));
    }

    @PUT
    @Path("/{tierId}")
    @RolesAllowed("ORGANIZER")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Change a tier", description = "Once tickets are sold or held the price is fixed and the size "
            + "cannot drop below them.")
    @APIResponse(responseCode = "200", description = "The tier",
            content = @Content(schema = @Schema(implementation = TierView.class)))
    public Response update(@PathParam("eventId") UUID eventId, @PathParam("tierId") UUID tierId,
                           @Valid @NotNull EventRequests.Tier body) {
        return Responses.ok(view(tiers.update(actor(), eventId, tierId, body.spec())));
    }

    @DELETE
    @Path("/{tierId}")
    @RolesAllowed("ORGANIZER")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Delete a tier nobody bought from")
    @APIResponse(responseCode = "200", description = "Deleted")
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
