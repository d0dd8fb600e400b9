package com.eventix.admin.boundary;

import com.eventix.payments.control.RefundRecords;
import com.eventix.payments.control.RefundView;
import com.eventix.payments.control.Refunds;
import com.eventix.payments.entity.OrderRefund;
import com.eventix.platform.api.Responses;
import com.eventix.platform.audit.ClientOrigin;
import com.eventix.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins look after refunds across events: those the provider kept refusing are retried from here. */
@Path("/admin/refunds")
@ApplicationScoped
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Admin")
public class AdminRefundsResource {
    @Inject
    RefundRecords records;
    @Inject
    Refunds refunds;
    @Inject
    CurrentUser currentUser;
    @Inject
    ClientOrigin origin;

    @GET
    @Operation(operationId = "listAdminRefunds", summary = "Refunds of every event in a status, oldest first",
            description = "FAILED ones (the default filter) were refused by the provider after every retry.")
    @APIResponse(responseCode = "200", description = "A page of refunds",
            content = @Content(schema = @Schema(ref = "RefundPage")))
    public Response listAdminRefunds(@QueryParam("status") @DefaultValue("FAILED")
                                     @Parameter(description = "REQUESTED, APPROVED, REJECTED, PROCESSING, SUCCEEDED, "
                                             + "FAILED") OrderRefund.Status status,
                                     @QueryParam("page") @DefaultValue("1") int page,
                                     @QueryParam("size") @DefaultValue("20") int size) {
        return Responses.ok(records.all(status, page, size).map(RefundView::of));
    }

    @POST
    @Path("/{id}/retry")
    @Operation(operationId = "retryRefund", summary = "Ask the provider again for a failed refund",
            description = "The refund is sent at once with a new provider key; the answer shows where it got.")
    @APIResponse(responseCode = "200", description = "The refund",
            content = @Content(schema = @Schema(implementation = RefundView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such refund",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "409", description = "INVALID_STATE_TRANSITION: the refund has not failed",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response retryRefund(@PathParam("id") UUID id) {
        return Responses.ok(RefundView.of(refunds.retry(currentUser.id(), id, origin.get())));
    }
}
