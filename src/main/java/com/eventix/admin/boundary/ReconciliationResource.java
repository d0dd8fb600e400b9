package com.eventix.admin.boundary;

import com.eventix.payments.control.Reconciliation;
import com.eventix.platform.api.Responses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins check that the money ledger agrees with the payments and refunds it sums up. */
@Path("/admin/reconciliation")
@ApplicationScoped
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Admin")
public class ReconciliationResource {
    @Inject
    Reconciliation reconciliation;

    @GET
    @Operation(operationId = "reconcileLedger", summary = "Compare the ledger with payments and refunds",
            description = "Per event and currency: the ledger's captured, refunded, fees, payouts and balance beside "
                    + "what the payments captured and the refunds returned; lines that disagree come first.")
    @APIResponse(responseCode = "200", description = "The check",
            content = @Content(schema = @Schema(implementation = Reconciliation.Report.class)))
    public Response reconcile(@QueryParam("eventId") @Parameter(description = "Only this event",
            schema = @Schema(type = SchemaType.STRING, format = "uuid")) UUID eventId) {
        return Responses.ok(reconciliation.check(eventId));
    }
}
