package com.eventix.events.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class EventTest {
    private final Instant now = Instant.parse("2026-05-01T12:00:00Z");
    private final Instant start = now.plus(Duration.ofDays(10));

    private Event.Details details(Instant start) {
        return new Event.Details("Title", null, "music", "Accra", start, start.plus(Duration.ofHours(3)), "Africa/Accra",
                null, "usd", null);
    }

    private Event published() {
        Event event = Event.draft(UUID.randomUUID(), details(start), now);
        event.submit(1, now);
        event.approve(now);
        return event;
    }

    private static void refused(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code()).isEqualTo(code);
    }

    @Test
    void followsTheSpecifiedLifecycle() {
        Event event = published();
        assertThat(event.status()).isEqualTo(Event.Status.PUBLISHED);
        assertThat(event.currency()).isEqualTo("USD");
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> event.activate(now));
        event.activate(start);
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> event.complete(start));
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> event.cancel("too late", start));
        event.complete(start.plus(Duration.ofHours(3)));
        assertThat(event.status()).isEqualTo(Event.Status.COMPLETED);
    }

    @Test
    void aSuspendedEventIsUnlistedWhileItsLifecycleGoesOnUntilReinstated() {
        Event draft = Event.draft(UUID.randomUUID(), details(start), now);
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> draft.suspend("spam", now));
        Event event = published();
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> event.reinstate(now));
        event.suspend("Counterfeit", now);
        assertThat(event.isListed()).isFalse();
        assertThat(event.isPublic()).as("its holders still read it").isTrue();
        assertThat(event.suspensionReason()).isEqualTo("Counterfeit");
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> event.suspend("again", now));
        event.activate(start);
        assertThat(event.isListed()).isFalse();
        event.reinstate(start);
        assertThat(event.isListed()).isTrue();
        assertThat(event.suspendedAt()).isNull();
        event.complete(start.plus(Duration.ofHours(3)));
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> event.suspend("after the fact", start.plus(Duration.ofDays(1))));
    }

    @Test
    void refusesEveryOtherTransition() {
        Event draft = Event.draft(UUID.randomUUID(), details(start), now);
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> draft.approve(now));
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> draft.reject("no", now));
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> draft.cancel("no", now));
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> draft.activate(start));
        refused(ErrorCode.EVENT_HAS_NO_TIERS, () -> draft.submit(0, now));
        assertThat(draft.status()).isEqualTo(Event.Status.DRAFT);
        draft.submit(2, now);
        draft.reject("Needs a description", now);
        assertThat(draft.status()).isEqualTo(Event.Status.DRAFT);
        assertThat(draft.rejectionReason()).isEqualTo("Needs a description");
        Event cancelled = published();
        cancelled.cancel("Rain", now);
        refused(ErrorCode.INVALID_STATE_TRANSITION, () -> cancelled.approve(now));
        refused(ErrorCode.EVENT_READ_ONLY, () -> cancelled.edit(details(start), 0, now));
    }

    @Test
    void aPublishedEventKeepsItsCurrencyAndRoomForCommittedTickets() {
        Event event = published();
        Event.Details euro = new Event.Details("Title", null, "music", "Accra", start, start.plus(Duration.ofHours(3)),
                "UTC", null, "EUR", null);
        refused(ErrorCode.EVENT_READ_ONLY, () -> event.edit(euro, 0, now));
        Event.Details small = new Event.Details("Title", null, "music", "Accra", start, start.plus(Duration.ofHours(3)),
                "UTC", 3, "USD", null);
        refused(ErrorCode.VENUE_CAPACITY_EXCEEDED, () -> event.edit(small, 4, now));
        refused(ErrorCode.EVENT_IN_PAST, () -> event.edit(details(now.minus(Duration.ofDays(1))), 0, now));
        event.edit(details(start.plus(Duration.ofDays(1))), 4, now);
        assertThat(event.startTime()).isEqualTo(start.plus(Duration.ofDays(1)));
    }

    @Test
    void aRunningEventKeepsItsStart() {
        Event event = published();
        event.activate(start);
        refused(ErrorCode.EVENT_READ_ONLY, () -> event.edit(details(start.plus(Duration.ofHours(1))), 0, start));
        Event.Details longer = new Event.Details("Title", null, "music", "Accra", start, start.plus(Duration.ofHours(5)),
                "Africa/Accra", null, "USD", null);
        event.edit(longer, 0, start.plus(Duration.ofHours(1)));
        assertThat(event.endTime()).isEqualTo(start.plus(Duration.ofHours(5)));
    }

    @Test
    void checksDetails() {
        refused(ErrorCode.EVENT_END_BEFORE_START, () -> Event.draft(UUID.randomUUID(), new Event.Details("T", null, "c",
                "l", start, start, "UTC", null, "USD", null), now));
        refused(ErrorCode.INVALID_TIMEZONE, () -> Event.draft(UUID.randomUUID(), new Event.Details("T", null, "c", "l",
                start, start.plusSeconds(60), "Nowhere/City", null, "USD", null), now));
        refused(ErrorCode.INVALID_CURRENCY, () -> Event.draft(UUID.randomUUID(), new Event.Details("T", null, "c", "l",
                start, start.plusSeconds(60), "UTC", null, "ABC", null), now));
    }
}
