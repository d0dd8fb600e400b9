package com.eventix.checkin.entity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a scanned ticket does not admit (TICKET_INVALID's details.reason). */
@Schema(name = "CheckinRefusal")
public enum Refusal {
    /** Unreadable, altered or forged: the event's key does not verify it. */
    BAD_SIGNATURE,
    /** A ticket of another event. */
    WRONG_EVENT,
    /** An older code of a ticket that was transferred since: only its newest code admits. */
    REVOKED,
    REFUNDED,
    /** A cancelled ticket, or any ticket of a cancelled event. */
    CANCELLED,
    /** The list does not admit the ticket's tier. */
    NOT_ON_LIST,
    /** Outside the list's opening hours. */
    LIST_CLOSED
}
