package com.eventix.payments.boundary;

import com.eventix.booking.entity.Order;
import com.eventix.events.control.Events;
import com.eventix.payments.control.EventOrders;
import com.eventix.platform.api.Csv;
import com.eventix.platform.api.Responses;
import com.eventix.platform.audit.ClientOrigin;
import com.eventix.platform.concurrency.Bulkhead;
import com.eventix.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The orders of an organizer's event: JSON pages, or all of them as a CSV file. */
@Path("/events/{eventId}/orders")
@RequestScoped
@RolesAllowed("ORGANIZER")
@SecurityRequirement(name = "bearer")
@Tag(name = "Payments")
public class EventOrdersResource {
    /** Exports hold a whole event's orders in memory: a few at a time. */
    private static final Bulkhead EXPORTS = new Bulkhead("order-exports", 2, Duration.ofSeconds(5));

    @Inject
    EventOrders orders;
    @Inject
    CurrentUser currentUser;
    @Inject
    ClientOrigin origin;
    @Context
    HttpHeaders headers;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listEventOrders", summary = "Your event's orders, newest first",
            description = "Each with its buyer, its status and its latest payment's, and the tickets and amount of this "
                    + "event in it. With Accept: text/csv, all of them (up to 100,000) at once as a CSV file.")
    @APIResponse(responseCode = "200", description = "A page of orders, or all of them as CSV",
            content = {@Content(schema = @Schema(ref = "EventOrderPage")),
                    @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: a bad status or paging",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: another organizer's event",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such event",
            content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    @APIResponse(responseCode = "503", description = "SERVICE_BUSY: too many exports at once; retry after the seconds "
            + "in Retry-After", content = @Content(schema = @Schema(ref = "ErrorEnvelope")))
    public Response listEventOrders(@PathParam("eventId") UUID eventId,
                                    @Parameter(description = "Only orders in this status") @QueryParam("status")
                                    Order.Status status,
                                    @QueryParam("page") @DefaultValue("1") int page,
                                    @QueryParam("size") @DefaultValue("20") int size) {
        Events.Actor actor = new Events.Actor(currentUser.id(), false, origin.get());
        if (Csv.wanted(headers)) {
            String body = EXPORTS.call(() -> EventOrders.csv(orders.all(actor, eventId, status)));
            return Csv.attachment(body, "orders-" + eventId + ".csv");
        }
        return Responses.ok(orders.page(actor, eventId, status, page, size));
    }
}
