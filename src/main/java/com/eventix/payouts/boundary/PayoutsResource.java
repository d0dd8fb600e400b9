package com.eventix.payouts.boundary;

import com.eventix.payouts.control.PayoutQueries;
import com.eventix.payouts.control.PayoutView;
import com.eventix.platform.api.Responses;
import com.eventix.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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

/** An organizer's payouts. */
@Path("/organizers/me/payouts")
@ApplicationScoped
@RolesAllowed("ORGANIZER")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Payouts")
public class PayoutsResource {
    @Inject
    PayoutQueries queries;
    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(operationId = "listPayouts", summary = "Your payouts, newest first")
    @APIResponse(responseCode = "200", description = "A page of payouts",
            content = @Content(schema = @Schema(ref = "PayoutPage")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: invalid paging",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: you have no organizer profile",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response listPayouts(@QueryParam("page") @DefaultValue("1") int page,
                                @QueryParam("size") @DefaultValue("20") int size) {
        return Responses.ok(queries.ofOrganizer(currentUser.id(), page, size).map(PayoutView::of));
    }
}
