package com.eventix.payments.boundary;

import com.eventix.payments.control.RefundRecords;
import com.eventix.payments.control.RefundView;
import com.eventix.payments.control.Refunds;
import com.eventix.payments.entity.OrderRefund;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An organizer's view of refunds of their events, and their decisions on requests waiting for approval. */
@Path("/organizers/me/refund-requests")
@ApplicationScoped
@RolesAllowed("ORGANIZER")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Payments")
public class RefundRequestsResource {
    @Inject
    Refunds refunds;
    @Inject
    RefundRecords records;
    @Inject
    CurrentUser currentUser;
    @Inject
    ClientOrigin origin;

    @GET
    @Operation(operationId = "listRefundRequests", summary = "Refunds of your events, oldest first",
            description = "REQUESTED ones wait for your decision (the default filter); any status may be asked for.")
    @APIResponse(responseCode = "200", description = "A page of refunds",
            content = @Content(schema = @Schema(ref = "RefundPage")))
    @APIResponse(responseCode = "404", description = "You have no organizer profile (NOT_FOUND)",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response listRefundRequests(@QueryParam("status") @DefaultValue("REQUESTED")
                                       @Parameter(description = "REQUESTED, APPROVED, REJECTED, PROCESSING, SUCCEEDED, "
                                               + "FAILED") OrderRefund.Status status,
                                       @QueryParam("page") @DefaultValue("1") int page,
                                       @QueryParam("size") @DefaultValue("20") int size) {
        return Responses.ok(records.ofOrganizer(currentUser.id(), status, page, size).map(RefundView::of));
    }

    @POST
    @Path("/{id}/approve")
    @Operation(operationId = "approveRefundRequest", summary = "Approve a refund request of one of your events",
            description = "Its tickets are void from now on and the money is sent back to the buyer.")
    @APIResponse(responseCode = "200", description = "The refund",
            content = @Content(schema = @Schema(implementation = RefundView.class)))
    @APIResponse(responseCode = "404", description = "No such request of your events (NOT_FOUND)",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "409", description = "INVALID_STATE_TRANSITION (decided already), "
            + "TICKET_NOT_REFUNDABLE (checked in or transferred meanwhile)",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response approveRefundRequest(@PathParam("id") UUID id) {
        return Responses.ok(RefundView.of(refunds.approve(currentUser.id(), id, origin.get())));
    }

    @POST
    @Path("/{id}/reject")
    @Operation(operationId = "rejectRefundRequest", summary = "Reject a refund request of one of your events",
            description = "The buyer is told your reason; their tickets stay valid.")
    @APIResponse(responseCode = "200", description = "The refund",
            content = @Content(schema = @Schema(implementation = RefundView.class)))
    @APIResponse(responseCode = "404", description = "No such request of your events (NOT_FOUND)",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "409", description = "INVALID_STATE_TRANSITION (decided already)",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response rejectRefundRequest(@PathParam("id") UUID id, @Valid @NotNull ReasonRequest body) {
        return Responses.ok(RefundView.of(refunds.reject(currentUser.id(), id, body.reason, origin.get())));
    }
}
