package com.eventix.admin.boundary;

import com.eventix.analytics.boundary.AnalyticsParameters;
import com.eventix.analytics.control.PlatformMetrics;
import com.eventix.analytics.control.PlatformReport;
import com.eventix.platform.api.Responses;
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

/** The platform's business figures, per day. */
@Path("/admin/metrics")
@ApplicationScoped
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Admin")
public class PlatformMetricsResource {
    @Inject
    PlatformMetrics metrics;

    @GET
    @Operation(operationId = "getPlatformMetrics", summary = "The platform's figures per day",
            description = "New users, events published, orders paid, tickets sold, refunds and money per currency "
                    + "(gross merchandise value, refunds, fees) per day of the period (the last 30 days of UTC by "
                    + "default), with totals and the events on sale now. Computed from the recorded rows on each call.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(schema = @Schema(implementation = PlatformReport.class)))
    @APIResponse(responseCode = "400", description = AnalyticsParameters.BAD_PERIOD)
    public Response getPlatformMetrics(@BeanParam AnalyticsParameters period) {
        return Responses.ok(metrics.of(period.from, period.to, period.tz));
    }
}
