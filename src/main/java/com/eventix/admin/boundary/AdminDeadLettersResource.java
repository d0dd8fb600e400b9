package com.eventix.admin.boundary;

import com.eventix.platform.api.Responses;
import com.eventix.platform.audit.ClientOrigin;
import com.eventix.platform.messaging.DeadLetters;
import com.eventix.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
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

/** Messages that kept failing (notifications, payouts) and were set aside: read, sent again or discarded. */
@Path("/admin/dead-letters")
@ApplicationScoped
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Admin")
public class AdminDeadLettersResource {
    @Inject
    DeadLetters deadLetters;
    @Inject
    CurrentUser currentUser;
    @Inject
    ClientOrigin origin;

    @GET
    @Operation(operationId = "listDeadLetters", summary = "Messages set aside after failing too often",
            description = "The most recent first, each with its last error and the start of its content.")
    @APIResponse(responseCode = "200", description = "A page of messages",
            content = @Content(schema = @Schema(ref = "DeadLetterPage")))
    public Response listDeadLetters(@QueryParam("page") @DefaultValue("1") int page,
                                    @QueryParam("size") @DefaultValue("20") int size) {
        return Responses.ok(deadLetters.list(page, size));
    }

    @POST
    @Path("/{id}/requeue")
    @Operation(operationId = "requeueDeadLetter", summary = "Send a dead message again",
            description = "Once its cause is fixed: it is queued as new, its attempts starting over. Audited.")
    @APIResponse(responseCode = "200", description = "The message, pending again",
            content = @Content(schema = @Schema(implementation = DeadLetters.DeadLetter.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such message",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "409", description = "INVALID_STATE_TRANSITION: the message is not dead",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response requeueDeadLetter(@PathParam("id") UUID id) {
        return Responses.ok(deadLetters.requeue(currentUser.id(), id, origin.get()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "discardDeadLetter", summary = "Discard a dead message for good",
            description = "It is deleted and never sent. Audited, with its destination and last error.")
    @APIResponse(responseCode = "200", description = "The message as it was",
            content = @Content(schema = @Schema(implementation = DeadLetters.DeadLetter.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such message",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "409", description = "INVALID_STATE_TRANSITION: the message is not dead",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response discardDeadLetter(@PathParam("id") UUID id) {
        return Responses.ok(deadLetters.discard(currentUser.id(), id, origin.get()));
    }
}
