package com.eventix.analytics.control;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The days a report covers, {@code from} to {@code to} inclusive, as calendar days of a time zone (the event's by
 * default): a day starts at local midnight, so a day of a change to or from summer time has 23 or 25 hours.
 */
public record ReportPeriod(ZoneId zone, LocalDate from, LocalDate to) {
    /** At most about three years of days in one report. */
    public static final int MAX_DAYS = 1096;
    /** Hours of the hourly series, up to the current one. */
    public static final int HOURS = 48;
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    /**
     * The period asked for. {@code from}, {@code to} (YYYY-MM-DD) and {@code tz} (an IANA zone) may be absent: the
     * zone is then {@code defaultZone}, {@code to} today there, and {@code from} {@code since} (or the earliest
     * day the size limit allows). Each bad value is named in one VALIDATION_FAILED answer.
     */
    public static ReportPeriod of(String from, String to, String tz, ZoneId defaultZone, Instant since, Instant now) {
        Map<String, Object> problems = new TreeMap<>();
        ZoneId zone = defaultZone;
        if (present(tz)) {
            try {
                zone = ZoneId.of(tz.trim());
            } catch (DateTimeException e) {
                problems.put("tz", "must be a time zone such as Europe/Berlin or UTC");
            }
        }
        LocalDate first = present(from) ? date(from, "from", problems) : null;
        LocalDate last = present(to) ? date(to, "to", problems) : null;
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        if (last == null) {
            last = LocalDate.ofInstant(now, zone);
        }
        if (first == null) {
            first = since == null ? last : LocalDate.ofInstant(since, zone);
            if (first.isAfter(last)) {
                first = last;
            }
            if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
                first = last.minusDays(MAX_DAYS - 1);
            }
        }
        if (first.isAfter(last)) {
            throw invalid(Map.of("from", "must not be after to"));
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw invalid(Map.of("to", "must be at most " + MAX_DAYS + " days from from"));
        }
        return new ReportPeriod(zone, first, last);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static LocalDate date(String value, String name, Map<String, Object> problems) {
        try {
            LocalDate date = LocalDate.parse(value.trim());
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                problems.put(name, "must be a date between " + EARLIEST + " and " + LATEST);
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.put(name, "must be a date (YYYY-MM-DD)");
            return null;
        }
    }

    private static ApiException invalid(Map<String, Object> problems) {
        return new ApiException(ErrorCode.VALIDATION_FAILED, "Invalid report period", problems);
    }

    /** When the first day starts. */
    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** When the day after the last day starts (the period ends just before). */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The start of each day, then the end of the last: {@code days + 1} instants. */
    public List<Instant> dayBounds() {
        List<Instant> bounds = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to.plusDays(1)); day = day.plusDays(1)) {
            bounds.add(day.atStartOfDay(zone).toInstant());
        }
        return bounds;
    }

    /**
     * The start of each of the last {@link #HOURS} hours up to the current one, then the end of the current one:
     * hours of the zone, so in a zone offset by half an hour they start at half past.
     */
    public List<Instant> hourBounds(Instant now) {
        ZonedDateTime current = now.atZone(zone).truncatedTo(ChronoUnit.HOURS);
        List<Instant> bounds = new ArrayList<>();
        for (int i = HOURS - 1; i >= -1; i--) {
            bounds.add(current.toInstant().minus(Duration.ofHours(i)));
        }
        return bounds;
    }
}
