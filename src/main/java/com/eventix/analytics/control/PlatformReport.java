package com.eventix.analytics.control;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The platform's figures over a period, per day: what admins watch. */
@Schema(name = "PlatformReport")
public record PlatformReport(@Schema(example = "UTC") String timezone,
                             LocalDate from,
                             @Schema(description = "Last day of the period (included)") LocalDate to,
                             @Schema(description = "Events on sale now", example = "42") long activeEvents,
                             Day totals,
                             @Schema(description = "One entry per day of the period, oldest first") List<Day> daily) {

    /** What happened within a day (or the whole period, for the totals). */
    @Schema(name = "PlatformDay")
    public record Day(@Schema(description = "When it starts") Instant start,
                      @Schema(description = "Accounts registered", example = "12") long newUsers,
                      @Schema(description = "Events published", example = "3") long eventsPublished,
                      @Schema(description = "Orders paid", example = "80") long ordersPaid,
                      @Schema(example = "130") long ticketsSold,
                      @Schema(description = "Refunds that went through", example = "2") long refunds,
                      @Schema(description = "Money per currency, from the ledger; gross is the gross merchandise "
                              + "value") List<SalesReport.Money> money) {
    }
}
