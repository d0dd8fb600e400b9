package com.eventix.admin.boundary;

import com.eventix.payouts.control.PayoutHoldView;
import com.eventix.payouts.control.PayoutHolds;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins hold an organizer's payouts (none is made or sent meanwhile) and release them. */
@Path("/admin/organizers/{id}/payouts")
@ApplicationScoped
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
public class AdminPayoutHoldsResource {
    @Inject
    PayoutHolds holds;
    @Inject
    CurrentUser currentUser;
    @Inject
    ClientOrigin origin;

    @POST
    @Path("/hold")
    @Operation(operationId = "holdPayouts", summary = "Hold an organizer's payouts",
            description = "No payout is made or sent until they are released; a transfer already at the provider "
                    + "completes.")
    @APIResponse(responseCode = "200", description = "The organizer's payouts, held",
            content = @Content(schema = @Schema(implementation = PayoutHoldView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such organizer",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "409", description = "PAYOUTS_ALREADY_HELD",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response holdPayouts(@PathParam("id") UUID id, @Valid @NotNull ReasonRequest body) {
        holds.hold(id, body.reason, currentUser.id(), origin.get());
        return Responses.ok(PayoutHoldView.of(id, holds.of(id)));
    }

    @POST
    @Path("/release")
    @Operation(operationId = "releasePayouts", summary = "Release an organizer's held payouts",
            description = "Payouts that waited are sent at once; due ones are made by the next sweep.")
    @APIResponse(responseCode = "200", description = "The organizer's payouts, no longer held",
            content = @Content(schema = @Schema(implementation = PayoutHoldView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such organizer",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "409", description = "PAYOUTS_NOT_HELD",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response releasePayouts(@PathParam("id") UUID id) {
        holds.release(id, currentUser.id(), origin.get());
        return Responses.ok(PayoutHoldView.of(id, holds.of(id)));
    }
}
