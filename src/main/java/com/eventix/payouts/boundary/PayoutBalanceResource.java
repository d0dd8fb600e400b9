package com.eventix.payouts.boundary;

import com.eventix.payouts.control.PayoutQueries;
import com.eventix.platform.api.Responses;
import com.eventix.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What an organizer is owed, per event and currency. */
@Path("/organizers/me/balance")
@ApplicationScoped
@RolesAllowed("ORGANIZER")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Payouts")
public class PayoutBalanceResource {
    @Inject
    PayoutQueries queries;
    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(operationId = "getPayoutBalance", summary = "What you are owed, per event and currency",
            description = "Every figure is a sum over the ledger: captured, refunded, fees, disputes, paid out, the "
                    + "reserve kept for late refunds and what the next payout will be.")
    @APIResponse(responseCode = "200", description = "Your events with money on them",
            content = @Content(schema = @Schema(ref = "PayoutBalanceList")))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: you have no organizer profile",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response getPayoutBalance() {
        return Responses.ok(queries.balancesOf(currentUser.id()));
    }
}
