package com.eventix.admin.boundary;

import com.eventix.payouts.control.PayoutQueries;
import com.eventix.payouts.control.PayoutView;
import com.eventix.payouts.entity.Payout;
import com.eventix.platform.api.Responses;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admins oversee payouts. Its own root path: JAX-RS matches a request to the root resource with the longest literal
 * path first, so these cannot share a class with {@link AdminOrganizersResource}'s paths.
 */
@Path("/admin/payouts")
@ApplicationScoped
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
public class AdminPayoutsResource {
    @Inject
    PayoutQueries queries;

    @GET
    @Operation(operationId = "listAllPayouts", summary = "All payouts, newest first",
            description = "FAILED ones were given up (their money is owed again); SENDING ones with several attempts "
                    + "are being retried.")
    @APIResponse(responseCode = "200", description = "A page of payouts",
            content = @Content(schema = @Schema(ref = "PayoutPage")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: invalid paging or status",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response listAllPayouts(@Parameter(description = "Only payouts in this status")
                                   @QueryParam("status") Payout.Status status,
                                   @QueryParam("page") @DefaultValue("1") int page,
                                   @QueryParam("size") @DefaultValue("20") int size) {
        return Responses.ok(queries.all(status, page, size).map(PayoutView::of));
    }

}
