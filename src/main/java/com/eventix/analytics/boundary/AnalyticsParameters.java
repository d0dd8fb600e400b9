package com.eventix.analytics.boundary;

/** How the report endpoints' period parameters read. */
final class AnalyticsParameters {
    static final String FROM = "First day of the period, YYYY-MM-DD (default: the day sales could start)";
    static final String TO = "Last day of the period, included, YYYY-MM-DD (default: today)";
    static final String TZ = "The time zone whose days the period and the series use, such as Europe/Berlin";
    static final String BAD_PERIOD = "VALIDATION_FAILED: from, to or tz is not a date or a time zone, from is after to, "
            + "or the period is longer than 1096 days";

    private AnalyticsParameters() {
    }
}
