package com.eventix.analytics.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Sales figures of one event or of all of an organizer's events over a period. Tickets, money and the funnel count
 * what happened within the period; capacity and sell-through are as they stand now.
 */
@Schema(name = "SalesReport")
public record SalesReport(@Schema(description = "The event (absent: all of your events)") UUID eventId,
                          @Schema(description = "The time zone whose calendar days the period and the series use",
                                  example = "Europe/Berlin") String timezone,
                          @Schema(description = "First day of the period") LocalDate from,
                          @Schema(description = "Last day of the period (included)") LocalDate to,
                          Tickets tickets,
                          @Schema(description = "Money per currency, from the ledger") List<Money> money,
                          Funnel funnel,
                          @Schema(description = "Each tier, by event start, then price") List<TierFigures> tiers,
                          @Schema(description = "One entry per day of the period, oldest first") List<Bucket> daily,
                          @Schema(description = "One entry per hour of the last 48 hours up to the current one, "
                                  + "oldest first") List<Bucket> hourly) {

    /** Tickets issued within the period, by what became of them. */
    @Schema(name = "SalesTickets")
    public record Tickets(@Schema(description = "Issued for paid orders", example = "120") long sold,
                          @Schema(description = "Sold and still valid (not refunded or cancelled)", example = "112")
                          long valid,
                          @Schema(example = "5") long refunded,
                          @Schema(description = "Cancelled with their event", example = "3") long cancelled,
                          @Schema(description = "Valid tickets checked in", example = "80") long checkedIn,
                          @Schema(description = "checkedIn / valid, from 0 to 1 (absent: nothing valid)",
                                  example = "0.7143") BigDecimal checkInRate) {
    }

    /**
     * Money in one currency, signed from the organizer's side: gross (paid by buyers) is positive, refunds and fees
     * negative; net is their sum with disputes.
     */
    @Schema(name = "SalesMoney")
    public record Money(@Schema(example = "EUR") String currency,
                        @Schema(example = "2400.00") BigDecimal gross,
                        @Schema(example = "-100.00") BigDecimal refunds,
                        @Schema(description = "The platform's fee", example = "-115.00") BigDecimal platformFees,
                        @Schema(description = "The payment providers' fees", example = "-30.00")
                        BigDecimal providerFees,
                        @Schema(description = "Chargebacks and their reversals", example = "0.00") BigDecimal disputes,
                        @Schema(example = "2155.00") BigDecimal net) {
    }

    /**
     * Holds made within the period and how far they went: ordered (an order was made for the hold), paid (its order
     * was paid). Abandoned holds ran out or were released without an order; abandoned checkouts are orders that
     * expired or were cancelled unpaid. Holds and orders still open are in neither.
     */
    @Schema(name = "SalesFunnel")
    public record Funnel(@Schema(example = "200") long holds,
                         @Schema(example = "150") long ordered,
                         @Schema(example = "130") long paid,
                         @Schema(example = "45") long abandonedHolds,
                         @Schema(example = "20") long abandonedCheckouts,
                         @Schema(description = "paid / holds (absent: no holds)", example = "0.65")
                         BigDecimal conversionRate,
                         @Schema(description = "(abandonedHolds + abandonedCheckouts) / holds (absent: no holds)",
                                 example = "0.325") BigDecimal abandonmentRate) {
    }

    /** One tier: its tickets sold within the period, their price total, and its stock now. */
    @Schema(name = "SalesTierFigures")
    public record TierFigures(UUID tierId, UUID eventId, String tierName, String currency,
                              @Schema(example = "20.00") BigDecimal price,
                              @Schema(description = "Tickets the tier has", example = "100") long capacity,
                              @Schema(description = "Tickets neither held nor sold now", example = "12")
                              long available,
                              @Schema(example = "90") long sold,
                              @Schema(example = "86") long valid,
                              @Schema(example = "3") long refunded,
                              @Schema(example = "1") long cancelled,
                              @Schema(example = "60") long checkedIn,
                              @Schema(description = "What buyers paid for the tickets sold, before refunds",
                                      example = "1800.00") BigDecimal gross,
                              @Schema(description = "valid / capacity, from 0 to 1", example = "0.86")
                              BigDecimal sellThrough) {
    }

    /** A day or an hour: tickets sold and money moved within it. */
    @Schema(name = "SalesBucket")
    public record Bucket(@Schema(description = "When it starts") Instant start,
                         @Schema(example = "12") long sold,
                         @Schema(description = "Money moved within it, per currency") List<Money> money) {
    }
}
