package com.eventix.payments.boundary;

import com.eventix.payments.control.CancellationRefunds;
import com.eventix.platform.api.Responses;
import com.eventix.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How far the refunds of a cancelled event got, for its organizer and admins. */
@Path("/events/{id}/cancellation-refunds")
@ApplicationScoped
@RolesAllowed({"ORGANIZER", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Payments")
public class CancellationRefundsResource {
    @Inject
    CancellationRefunds cancellations;
    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(operationId = "getCancellationRefunds", summary = "Progress of a cancelled event's refunds",
            description = "Every paid order of a cancelled event is refunded in full; this counts them by how far "
                    + "their refund got. Failed ones are listed for admins (listAdminRefunds).")
    @APIResponse(responseCode = "200", description = "The progress",
            content = @Content(schema = @Schema(implementation = CancellationRefunds.Progress.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such event of yours, or it was not cancelled",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response getCancellationRefunds(@PathParam("id") UUID id) {
        return Responses.ok(cancellations.progress(id, currentUser.id(), currentUser.isAdmin()));
    }
}
