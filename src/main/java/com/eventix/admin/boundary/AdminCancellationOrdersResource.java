package com.eventix.admin.boundary;

import com.eventix.payments.control.CancellationClaims;
import com.eventix.payments.control.CancellationRefunds;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Orders of cancelled events whose refund could not even be recorded (their claim failed on its own several times):
 * the sweeps leave them for an admin, who looks at the error and puts them back in line.
 */
@Path("/admin/cancellation-orders")
@ApplicationScoped
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Admin")
public class AdminCancellationOrdersResource {
    @Inject
    CancellationClaims claims;
    @Inject
    CancellationRefunds cancellations;
    @Inject
    CurrentUser currentUser;
    @Inject
    ClientOrigin origin;

    @GET
    @Operation(operationId = "listSetAsideCancellationOrders", summary = "Cancelled events' orders set aside",
            description = "Orders whose refund claim failed on its own too often, oldest first, with the last error.")
    @APIResponse(responseCode = "200", description = "A page of orders",
            content = @Content(schema = @Schema(ref = "CancellationOrderPage")))
    public Response listSetAsideCancellationOrders(@QueryParam("page") @DefaultValue("1") int page,
                                                   @QueryParam("size") @DefaultValue("20") int size) {
        return Responses.ok(claims.setAside(page, size));
    }

    @POST
    @Path("/{eventId}/{orderId}/retry")
    @Operation(operationId = "retryCancellationOrder", summary = "Put a set-aside order back in line",
            description = "Its failures are forgotten and it is claimed at once; if that fails again the sweeps go on "
                    + "trying it. The answer shows where it stands then. Audited.")
    @APIResponse(responseCode = "200", description = "The order's refund state",
            content = @Content(schema = @Schema(implementation = CancellationClaims.Entry.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: the event's cancellation has no such order",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "409", description = "INVALID_STATE_TRANSITION: the order is not set aside",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response retryCancellationOrder(@PathParam("eventId") UUID eventId, @PathParam("orderId") UUID orderId) {
        return Responses.ok(cancellations.putBack(currentUser.id(), new CancellationClaims.Due(eventId, orderId),
                origin.get()));
    }
}
