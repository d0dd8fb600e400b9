package com.eventix.tickets.boundary;

import com.eventix.platform.api.Responses;
import com.eventix.platform.audit.ClientOrigin;
import com.eventix.platform.audit.RequestOrigin;
import com.eventix.platform.idempotency.Idempotency;
import com.eventix.platform.security.CurrentUser;
import com.eventix.tickets.control.TicketTransferView;
import com.eventix.tickets.control.TicketTransfers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Offering one of your tickets to someone else (the seed's POST /tickets/{id}/transfer). A class of its own: its
 * path has more literal characters than /tickets/{id} and /tickets, so it is matched before them without a regex.
 */
@Path("/tickets/{id}/transfer")
@ApplicationScoped
@RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Tickets")
public class TicketTransferOffersResource {
    @Inject
    TicketTransfers transfers;
    @Inject
    Idempotency idempotency;
    @Inject
    CurrentUser currentUser;
    @Inject
    ClientOrigin origin;

    /** Whom to offer the ticket to. */
    @Schema(name = "TicketTransferRequest")
    public static class TransferRequest {
        @NotBlank @Email @Size(max = 320)
        @Schema(description = "Where the invitation goes; the account with this verified address may accept")
        public String recipientEmail;
    }

    @POST
    @Operation(operationId = "transferTicket", summary = "Offer one of your tickets to someone",
            description = "Mails an invitation to recipientEmail. The account with that address, once verified, "
                    + "accepts or declines the offer (someone without an account registers first); you may cancel it "
                    + "while it is pending. It expires after TRANSFER_OFFER_TTL (72 h by default) and at the latest "
                    + "when transfers close, TRANSFER_CUTOFF (2 h by default) before the event starts. One pending "
                    + "offer per ticket. Send an Idempotency-Key header to make retries safe.")
    @APIResponse(responseCode = "201", description = "The pending offer",
            content = @Content(schema = @Schema(ref = "TicketTransfer")))
    @APIResponse(responseCode = "404", description = "No such ticket of yours (NOT_FOUND)",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "409", description = "TICKET_NOT_TRANSFERABLE (details.status: CHECKED_IN, REFUNDED, "
            + "CANCELLED; or details.eventStatus CANCELLED), TICKET_ALREADY_OFFERED, IDEMPOTENCY_REQUEST_IN_PROGRESS",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "422", description = "TRANSFER_CUTOFF_PASSED (details.cutoff), TRANSFER_TO_SELF, "
            + "IDEMPOTENCY_KEY_REUSED", content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response transferTicket(@Parameter(description = "The ticket's id", required = true,
                                           schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                                   @PathParam("id") UUID id,
                                   @Parameter(description = "Makes retries safe: a repeat with the same key answers the "
                                           + "first response") @HeaderParam(Idempotency.HEADER) String key,
                                   @Valid @NotNull TransferRequest body) {
        UUID user = currentUser.id();
        RequestOrigin from = origin.get();
        return transfers.auditingRefusal(user, "TICKET_TRANSFER_OFFER_REFUSED", "ticket", id, from,
                () -> idempotency.atomically(user, "ticket-transfer:" + id, key, body, () -> {
                    TicketTransferView offer = transfers.offer(user, id, body.recipientEmail, from);
                    return Responses.created(URI.create("/api/v1/tickets/transfers/" + offer.id()), offer);
                }));
    }
}
