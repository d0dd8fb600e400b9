package com.eventix.tickets.boundary;

import com.eventix.platform.api.Responses;
import com.eventix.platform.audit.ClientOrigin;
import com.eventix.platform.audit.RequestOrigin;
import com.eventix.platform.idempotency.Idempotency;
import com.eventix.platform.security.CurrentUser;
import com.eventix.tickets.control.TicketTransferPage;
import com.eventix.tickets.control.TicketTransferView;
import com.eventix.tickets.control.TicketTransfers;
import com.eventix.tickets.control.TicketView;
import com.eventix.tickets.control.TransferRole;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.function.BiFunction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Transfer offers, for their sender and their recipient: list, read, accept, decline, cancel. The recipient is the
 * account whose verified email address the offer was sent to; for everybody else an offer is "not found".
 */
@Path("/tickets/transfers")
@ApplicationScoped
@RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Tickets")
public class TicketTransfersResource {
    private static final String OFFER_ID = "The transfer offer's id";

    @Inject
    TicketTransfers transfers;
    @Inject
    Idempotency idempotency;
    @Inject
    CurrentUser currentUser;
    @Inject
    ClientOrigin origin;

    @GET
    @Operation(operationId = "listTicketTransfers", summary = "Your pending transfer offers, newest first",
            description = "role=INCOMING (the default): offers made to your address, which must be verified; "
                    + "role=OUTGOING: offers you made. Expired ones are left out.")
    @APIResponse(responseCode = "200", description = "A page of offers",
            content = @Content(schema = @Schema(ref = "TicketTransferPage")))
    @APIResponse(responseCode = "409", description = "ACCOUNT_EMAIL_UNVERIFIED (role=INCOMING)",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response listTicketTransfers(@Parameter(description = "INCOMING: offers to you; OUTGOING: offers you made",
                                                schema = @Schema(type = SchemaType.STRING, defaultValue = "INCOMING",
                                                        enumeration = {"INCOMING", "OUTGOING"}))
                                        @QueryParam("role") @DefaultValue("INCOMING") TransferRole role,
                                        @QueryParam("page") @DefaultValue("1") int page,
                                        @QueryParam("size") @DefaultValue("20") int size) {
        return Responses.ok(transfers.open(currentUser.id(), role, page, size));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getTicketTransfer", summary = "One transfer offer you made or received")
    @APIResponse(responseCode = "200", description = "The offer",
            content = @Content(schema = @Schema(ref = "TicketTransfer")))
    @APIResponse(responseCode = "404", description = "No such offer of yours (NOT_FOUND)",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "409", description = "ACCOUNT_EMAIL_UNVERIFIED: the offer is for your address, which "
            + "you have not verified yet", content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response getTicketTransfer(@Parameter(description = OFFER_ID, required = true,
                                              schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                                      @PathParam("id") UUID id) {
        return Responses.ok(transfers.get(currentUser.id(), id));
    }

    @POST
    @Path("/{id}/accept")
    @Operation(operationId = "acceptTicketTransfer", summary = "Accept a ticket offered to you",
            description = "The ticket becomes yours with a new QR code (a higher codeVersion), which is also mailed to "
                    + "you; the sender's code no longer admits anyone. Your email address must be the offer's, "
                    + "verified. Send an Idempotency-Key header to make retries safe.")
    @APIResponse(responseCode = "200", description = "The ticket, now yours",
            content = @Content(schema = @Schema(ref = "Ticket")))
    @APIResponse(responseCode = "404", description = "No such offer to you (NOT_FOUND)",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "409", description = "TRANSFER_NOT_PENDING (details.status), TICKET_NOT_TRANSFERABLE, "
            + "ACCOUNT_EMAIL_UNVERIFIED, IDEMPOTENCY_REQUEST_IN_PROGRESS",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "422", description = "TRANSFER_CUTOFF_PASSED, IDEMPOTENCY_KEY_REUSED",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response acceptTicketTransfer(@Parameter(description = OFFER_ID, required = true,
                                                 schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                                         @PathParam("id") UUID id,
                                         @Parameter(description = "Makes retries safe: a repeat with the same key answers the "
                                                 + "first response") @HeaderParam(Idempotency.HEADER) String key) {
        return answer("TICKET_TRANSFER_ACCEPT_REFUSED", id, (user, from) -> idempotency.atomically(user,
                "ticket-transfer-accept:" + id, key, id.toString(),
                () -> Responses.ok(TicketView.of(transfers.accept(user, id, from)))));
    }

    @POST
    @Path("/{id}/decline")
    @Operation(operationId = "declineTicketTransfer", summary = "Decline a ticket offered to you",
            description = "The ticket stays with its sender.")
    @APIResponse(responseCode = "200", description = "The declined offer",
            content = @Content(schema = @Schema(ref = "TicketTransfer")))
    @APIResponse(responseCode = "404", description = "No such offer to you (NOT_FOUND)",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "409", description = "TRANSFER_NOT_PENDING (details.status), ACCOUNT_EMAIL_UNVERIFIED",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response declineTicketTransfer(@Parameter(description = OFFER_ID, required = true,
                                                  schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                                          @PathParam("id") UUID id) {
        return answer("TICKET_TRANSFER_DECLINE_REFUSED", id,
                (user, from) -> Responses.ok(transfers.decline(user, id, from)));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(operationId = "cancelTicketTransfer", summary = "Withdraw a pending offer of your ticket")
    @APIResponse(responseCode = "200", description = "The cancelled offer",
            content = @Content(schema = @Schema(ref = "TicketTransfer")))
    @APIResponse(responseCode = "404", description = "No such offer of yours (NOT_FOUND)",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "409", description = "TRANSFER_NOT_PENDING (details.status)",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response cancelTicketTransfer(@Parameter(description = OFFER_ID, required = true,
                                                 schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                                         @PathParam("id") UUID id) {
        return answer("TICKET_TRANSFER_CANCEL_REFUSED", id,
                (user, from) -> Responses.ok(transfers.cancel(user, id, from)));
    }

    /**
     * The caller's answer to an offer (accept, decline, cancel): {@code answer} runs as the caller from where they
     * call, and a refusal of it is audited as {@code refusedAction}.
     */
    private Response answer(String refusedAction, UUID transferId, BiFunction<UUID, RequestOrigin, Response> answer) {
        UUID user = currentUser.id();
        RequestOrigin from = origin.get();
        return transfers.auditingRefusal(user, refusedAction, "ticket_transfer", transferId, from,
                () -> answer.apply(user, from));
    }
}
