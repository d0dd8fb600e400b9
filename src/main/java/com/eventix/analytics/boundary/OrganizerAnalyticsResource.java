package com.eventix.analytics.boundary;

import com.eventix.analytics.control.SalesAnalytics;
import com.eventix.analytics.control.SalesReport;
import com.eventix.platform.api.Responses;
import com.eventix.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The sales figures of all of the caller's events together. */
@Path("/organizers/me/analytics")
@ApplicationScoped
@RolesAllowed("ORGANIZER")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Analytics")
public class OrganizerAnalyticsResource {
    @Inject
    SalesAnalytics analytics;
    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(operationId = "getOrganizerAnalytics", summary = "Your sales figures over all your events",
            description = "The figures of getEventAnalytics over all your events: money per currency, tiers by event "
                    + "start. Days are UTC's unless tz names another zone.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(schema = @Schema(implementation = SalesReport.class)))
    @APIResponse(responseCode = "400", description = AnalyticsParameters.BAD_PERIOD)
    @APIResponse(responseCode = "404", description = "NOT_FOUND: you have no organizer profile")
    public Response getOrganizerAnalytics(@BeanParam AnalyticsParameters period) {
        return Responses.ok(analytics.ofOrganizer(currentUser.id(), period.from, period.to, period.tz));
    }
}
