package com.eventix.events.boundary;

import com.eventix.events.control.EventCatalog;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of listings and search. */
public class ListingParams {
    @QueryParam("category")
    @Parameter(description = "Only this category", schema = @Schema(example = "music"))
    public String category;
    @QueryParam("from")
    @Parameter(description = "Only events starting at or after this instant", schema = @Schema(format = "date-time"))
    public String from;
    @QueryParam("to")
    @Parameter(description = "Only events starting before this instant", schema = @Schema(format = "date-time"))
    public String to;
    @QueryParam("location")
    @Parameter(description = "Only events whose location contains this text")
    public String location;
    @QueryParam("minPrice")
    @Parameter(description = "Only events with a tier at this price or more")
    public BigDecimal minPrice;
    @QueryParam("maxPrice")
    @Parameter(description = "Only events with a tier at this price or less")
    public BigDecimal maxPrice;
    @QueryParam("organizerId")
    @Parameter(description = "Only this organizer's events")
    public UUID organizerId;
    @QueryParam("page")
    @DefaultValue("1")
    public int page;
    @QueryParam("size")
    @DefaultValue("20")
    public int size;

    EventCatalog.Filter filter() {
        return new EventCatalog.Filter(blankToNull(category), instant("from", from), instant("to", to),
                blankToNull(location), minPrice, maxPrice, organizerId);
    }

    static EventCatalog.Sort sort(String value, EventCatalog.Sort fallback) {
        return switch (value == null ? "" : value) {
            case "startTime" -> EventCatalog.Sort.START_TIME;
            case "price" -> EventCatalog.Sort.PRICE;
            case "relevance" -> EventCatalog.Sort.RELEVANCE;
            case "" -> fallback;
            default -> throw new ApiException(ErrorCode.VALIDATION_FAILED, "Unknown sort",
                    Map.of("sort", "must be startTime, price or relevance"));
        };
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Invalid date",
                    Map.of(name, "must be an ISO-8601 instant such as 2026-05-01T19:00:00Z"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
