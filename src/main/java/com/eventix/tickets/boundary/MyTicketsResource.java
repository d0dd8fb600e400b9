package com.eventix.tickets.boundary;

import com.eventix.platform.api.Page;
import com.eventix.platform.api.Responses;
import com.eventix.platform.security.CurrentUser;
import com.eventix.tickets.control.TicketView;
import com.eventix.tickets.control.Tickets;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in user's tickets. */
@Path("/tickets/my-tickets")
@ApplicationScoped
@RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
public class MyTicketsResource {
    @Inject
    Tickets tickets;
    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(operationId = "listMyTickets", summary = "Your tickets, newest first")
    @APIResponse(responseCode = "200", description = "A page of your tickets",
            content = @Content(schema = @Schema(ref = "TicketPage")))
    public Response mine(@QueryParam("page") @DefaultValue("1") int page,
                         @QueryParam("size") @DefaultValue("20") int size) {
        Page.checkRequest(page, size);
        return Responses.ok(tickets.ofOwner(currentUser.id(), page, size).map(TicketView::of));
    }
}
