package com.eventix.analytics.boundary;

import com.eventix.analytics.control.SalesAnalytics;
import com.eventix.analytics.control.SalesReport;
import com.eventix.events.control.Events;
import com.eventix.platform.api.Responses;
import com.eventix.platform.audit.ClientOrigin;
import com.eventix.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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

/** The sales figures of one of the caller's events. */
@Path("/events/{eventId}/analytics")
@ApplicationScoped
@RolesAllowed("ORGANIZER")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Analytics")
public class EventAnalyticsResource {
    @Inject
    SalesAnalytics analytics;
    @Inject
    CurrentUser currentUser;
    @Inject
    ClientOrigin origin;

    @GET
    @Operation(operationId = "getEventAnalytics", summary = "Your event's sales figures",
            description = "Tickets sold, valid, refunded, cancelled and checked in; money per currency from the "
                    + "ledger (gross, refunds, fees, net); the funnel from hold to payment with abandonment; each "
                    + "tier's sales, gross and sell-through; tickets and money per day of the period and per hour of "
                    + "the last 48 hours. Days are the event's time zone's unless tz names another. Computed from the "
                    + "recorded sales on each call.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(schema = @Schema(implementation = SalesReport.class)))
    @APIResponse(responseCode = "400", description = AnalyticsParameters.BAD_PERIOD)
    @APIResponse(responseCode = "403", description = "FORBIDDEN: the event belongs to another organizer")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such event")
    public Response getEventAnalytics(@PathParam("eventId") UUID eventId, @BeanParam AnalyticsParameters period) {
        Events.Actor actor = new Events.Actor(currentUser.id(), false, origin.get());
        return Responses.ok(analytics.ofEvent(actor, eventId, period.from, period.to, period.tz));
    }
}
