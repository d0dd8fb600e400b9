package com.eventix.tickets.boundary;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.Responses;
import com.eventix.platform.security.CurrentUser;
import com.eventix.tickets.control.QrImages;
import com.eventix.tickets.control.TicketView;
import com.eventix.tickets.control.Tickets;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A ticket and its QR image, for its owner. The class shares the path /tickets with booking's ReservationsResource
 * (JAX-RS matches both classes' methods together, and their literal segments such as /reserve before {id}); an id
 * that is not a UUID names no ticket here, so it is a 404 like an unknown one.
 */
@Path("/tickets")
@ApplicationScoped
@RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
@Tag(name = "Tickets")
public class TicketsResource {
    @Inject
    Tickets tickets;
    @Inject
    QrImages qrImages;
    @Inject
    CurrentUser currentUser;

    private static final String NOT_YOURS = "NOT_FOUND: no ticket of yours with this id";

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getTicket", summary = "One of your tickets", description = "Admins may read any ticket.")
    @APIResponse(responseCode = "200", description = "The ticket",
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "404", description = NOT_YOURS)
    public Response get(@Parameter(schema = @Schema(format = "uuid")) @PathParam("id") String id) {
        return Responses.ok(TicketView.of(tickets.visible(ticketId(id), currentUser.id(), currentUser.isAdmin())));
    }

    @GET
    @Path("/{id}/qr")
    @Produces("image/png")
    @Operation(operationId = "getTicketQrCode", summary = "Your ticket's QR code as a PNG image",
            description = "It encodes the ticket's qrCode. Not cached: a transferred ticket gets a new code.")
    @APIResponse(responseCode = "200", description = "The PNG image",
            content = @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = NOT_YOURS)
    public Response qr(@Parameter(schema = @Schema(format = "uuid")) @PathParam("id") String id,
                       @Parameter(description = "Width and height in pixels; kept within 256 to 1024")
                       @QueryParam("size") @DefaultValue("400") int size) {
        byte[] png = qrImages.png(tickets.visible(ticketId(id), currentUser.id(), currentUser.isAdmin()).qrCode(), size);
        return Response.ok(png, "image/png").header("Cache-Control", "private, no-store").build();
    }

    private static UUID ticketId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            throw ApiException.notFound("Ticket");
        }
    }
}
