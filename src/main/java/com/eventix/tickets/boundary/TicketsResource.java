package com.eventix.tickets.boundary;

import com.eventix.platform.api.Responses;
import com.eventix.platform.security.CurrentUser;
import com.eventix.tickets.control.QrImages;
import com.eventix.tickets.control.TicketView;
import com.eventix.tickets.control.Tickets;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A ticket and its QR image, for its owner. (The path takes only UUIDs, so /tickets/reserve and friends stay
 * with the reservations resource.)
 */
@Path("/tickets/{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}")
@RequestScoped
@RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
@SecurityRequirement(name = "bearer")
@Tag(name = "Tickets")
public class TicketsResource {
    @Inject
    Tickets tickets;
    @Inject
    QrImages qrImages;
    @Inject
    CurrentUser currentUser;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One of your tickets", description = "Admins may read any ticket.")
    @APIResponse(responseCode = "200", description = "The ticket",
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "404", description = "No such ticket of yours")
    public Response get(@PathParam("id") UUID id) {
        return Responses.ok(TicketView.of(tickets.visible(id, currentUser.id(), currentUser.isAdmin())));
    }

    @GET
    @Path("/qr")
    @Produces("image/png")
    @Operation(summary = "Your ticket's QR code as a PNG", description = "size: 256 to 1024 pixels (default 400).")
    @APIResponse(responseCode = "200", description = "PNG image", content = @Content(mediaType = "image/png"))
    public Response qr(@PathParam("id") UUID id, @QueryParam("size") @DefaultValue("400") int size) {
        byte[] png = qrImages.png(tickets.visible(id, currentUser.id(), currentUser.isAdmin()).qrCode(), size);
        return Response.ok(png, "image/png").header("Cache-Control", "private, no-store").build();
    }
}
