package com.eventix.analytics.boundary;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The period of a sales report, as its query parameters (read and checked by ReportPeriod). */
public class AnalyticsParameters {
    public static final String BAD_PERIOD = "VALIDATION_FAILED: from, to or tz is not a date or a time zone, from is after "
            + "to, or the period is longer than 1096 days";

    @QueryParam("from")
    @Parameter(description = "First day of the period (default: the day an event was created or its organizer "
            + "joined; 30 days ago for the platform's figures)",
            schema = @Schema(format = "date"))
    public String from;
    @QueryParam("to")
    @Parameter(description = "Last day of the period, included (default: today)", schema = @Schema(format = "date"))
    public String to;
    @QueryParam("tz")
    @Parameter(description = "The time zone whose days the period and the series use, such as Europe/Berlin")
    public String tz;
}
