package com.eventix.analytics.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-03-29T10:20:00Z");

    @Test
    void daysAreTheZonesCalendarDaysAcrossTheChangeToSummerTime() {
        ReportPeriod period = ReportPeriod.of("2026-03-28", "2026-03-30", null, BERLIN, null, NOW);
        List<Instant> bounds = period.dayBounds();
        assertThat(bounds).containsExactly(Instant.parse("2026-03-27T23:00:00Z"), Instant.parse("2026-03-28T23:00:00Z"),
                Instant.parse("2026-03-29T22:00:00Z"), Instant.parse("2026-03-30T22:00:00Z"));
        assertThat(Duration.between(bounds.get(1), bounds.get(2))).as("the day the clocks go forward")
                .isEqualTo(Duration.ofHours(23));
        assertThat(period.start()).isEqualTo(bounds.get(0));
        assertThat(period.end()).isEqualTo(bounds.get(3));
    }

    @Test
    void aNamedZoneReplacesTheDefaultOne() {
        ReportPeriod period = ReportPeriod.of("2026-03-28", "2026-03-28", "America/New_York", BERLIN, null, NOW);
        assertThat(period.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(period.start()).isEqualTo(Instant.parse("2026-03-28T04:00:00Z"));
    }

    @Test
    void theHourlySeriesEndsWithTheCurrentHourOfTheZone() {
        ReportPeriod period = ReportPeriod.of(null, null, "Asia/Kolkata", BERLIN, null, NOW);
        List<Instant> hours = period.hourBounds(NOW);
        assertThat(hours).hasSize(ReportPeriod.HOURS + 1);
        // 10:20 UTC is 15:50 in Kolkata (+05:30): the current hour started at 15:00 there, 09:30 UTC.
        assertThat(hours.get(ReportPeriod.HOURS - 1)).isEqualTo(Instant.parse("2026-03-29T09:30:00Z"));
        assertThat(hours.get(ReportPeriod.HOURS)).isEqualTo(Instant.parse("2026-03-29T10:30:00Z"));
        assertThat(hours.get(0)).isEqualTo(Instant.parse("2026-03-27T10:30:00Z"));
    }

    @Test
    void withoutDatesThePeriodRunsFromWhenSalesCouldStartToToday() {
        ReportPeriod period = ReportPeriod.of(null, "", " ", BERLIN, Instant.parse("2026-03-01T23:30:00Z"), NOW);
        assertThat(period.from()).as("already the 2nd in Berlin").isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(period.to()).isEqualTo(LocalDate.of(2026, 3, 29));

        ReportPeriod old = ReportPeriod.of(null, null, null, BERLIN, Instant.parse("2019-01-01T00:00:00Z"), NOW);
        assertThat(old.dayBounds()).as("no more days than one report holds").hasSize(ReportPeriod.MAX_DAYS + 1);
    }

    @Test
    void badValuesAreNamedEachInOneValidationError() {
        assertThatThrownBy(() -> ReportPeriod.of("null", "2026-02-30", "Mars/Olympus", BERLIN, null, NOW))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(e.details()).containsOnlyKeys("from", "to", "tz");
                });
        assertThat(problems("99999999-01-01", null, null)).containsEntry("from", "must be a date (YYYY-MM-DD)");
        assertThat(problems("1900-01-01", null, null)).containsKey("from");
        assertThat(problems("2026-03-10", "2026-03-09", null)).containsEntry("from", "must not be after to");
        assertThat(problems("2020-01-01", "2026-03-09", null)).containsKey("to");
        assertThat(problems(null, null, "x".repeat(10_000))).containsKey("tz");
    }

    private static Map<String, Object> problems(String from, String to, String tz) {
        try {
            ReportPeriod.of(from, to, tz, BERLIN, null, NOW);
        } catch (ApiException e) {
            return e.details();
        }
        throw new AssertionError("accepted " + from + " / " + to + " / " + tz);
    }
}
