package com.eventix.booking.boundary;

import com.eventix.booking.control.HoldCombiner;
import com.eventix.booking.control.ReservationView;
import com.eventix.booking.control.Reservations;
import com.eventix.platform.api.Responses;
import com.eventix.platform.idempotency.Idempotency;
import com.eventix.platform.security.CurrentUser;
import com.eventix.platform.observability.Outcomes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Holding tickets for a short while before paying. (Shares the path /tickets with the tickets feature's
 * TicketsResource; JAX-RS matches both classes' methods together, the literal segments here first.)
 */
@Path("/tickets")
@ApplicationScoped
@RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Booking")
public class ReservationsResource {
    @Inject
    Reservations reservations;
    @Inject
    Idempotency idempotency;
    @Inject
    HoldCombiner combiner;
    @Inject
    CurrentUser currentUser;

    /** What to hold. */
    @Schema(name = "ReserveRequest")
    public static class ReserveRequest {
        @NotNull @Schema(example = "6f1c2a9e-8b3d-4c5e-9f70-1a2b3c4d5e6f")
        public UUID tierId;
        @NotNull @Min(1) @Max(100) @Schema(example = "2")
        public Integer quantity;
    }

    @POST
    @Path("/reserve")
    @Outcomes("holds")
    @Operation(operationId = "reserveTickets", summary = "Hold tickets of a tier", description = "The hold lasts 15 "
            + "minutes (HOLD_DURATION); pay for it with createOrder. Send an Idempotency-Key header to make retries "
            + "safe: a repeat answers the first result.")
    @APIResponse(responseCode = "201", description = "The hold",
            content = @Content(schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such tier, or its event is not on sale")
    @APIResponse(responseCode = "409", description = "TICKET_NOT_AVAILABLE: not that many left (details.remaining)")
    @APIResponse(responseCode = "409", description = Idempotency.IN_PROGRESS)
    @APIResponse(responseCode = "422", description = "SALES_CLOSED: the tier is not on sale now")
    @APIResponse(responseCode = "422", description = "ORDER_LIMIT_EXCEEDED: more than the tier's maxPerOrder")
    @APIResponse(responseCode = "422", description = "HOLD_LIMIT_EXCEEDED: you hold too many for this event already")
    @APIResponse(responseCode = "422", description = Idempotency.REUSED)
    public Response reserve(@Parameter(description = Idempotency.DESCRIPTION) @HeaderParam(Idempotency.HEADER) String key,
                            @Valid @NotNull ReserveRequest body) {
        UUID user = currentUser.id();
        return idempotency.atomically(user, "reserve", key, body, () -> {
            reservations.refuseIfSoldOut(body.tierId, body.quantity);
            // With a key the hold is made in the transaction that keeps the key's answer; without one it may be
            // decided together with other holds of the tier.
            ReservationView hold = ReservationView.of(key == null ? combiner.reserve(user, body.tierId, body.quantity)
                    : reservations.reserve(user, body.tierId, body.quantity));
            return Responses.created(URI.create("/api/v1/tickets/reservations/" + hold.reservationId()), hold);
        });
    }

    @GET
    @Path("/reservations/{id}")
    @Operation(operationId = "getReservation", summary = "One of your holds")
    @APIResponse(responseCode = "200", description = "The hold",
            content = @Content(schema = @Schema(implementation = ReservationView.class)))
    public Response get(@PathParam("id") UUID id) {
        return Responses.ok(ReservationView.of(reservations.ofUser(currentUser.id(), id)));
    }

    @DELETE
    @Path("/reservations/{id}")
    @Operation(operationId = "releaseReservation", summary = "Release one of your holds early",
            description = "Its tickets go back on sale at once.")
    @APIResponse(responseCode = "200", description = "The released hold",
            content = @Content(schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "409", description = "RESERVATION_NOT_ACTIVE: expired, released or ordered already")
    public Response release(@PathParam("id") UUID id) {
        return Responses.ok(ReservationView.of(reservations.release(currentUser.id(), id)));
    }
}
