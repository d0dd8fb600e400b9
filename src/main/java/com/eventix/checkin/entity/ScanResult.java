package com.eventix.checkin.entity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What became of a scan, as kept in the scan history. */
@Schema(name = "ScanResult")
public enum ScanResult {
    ADMITTED,
    EXITED,
    /** Inside already: another scan admitted the ticket first. */
    ALREADY_CHECKED_IN,
    /** An exit of a ticket that was not inside. */
    NOT_CHECKED_IN,
    /** An exit on a list that does not scan exits. */
    EXITS_NOT_SCANNED,
    /** Refused for a {@link Refusal}. */
    INVALID,
    /** An offline device let the ticket in while another admission of it was already on record: a conflict. */
    DUPLICATE,
    /** An offline device let in a ticket that was void (transferred, refunded, cancelled): a conflict. */
    REVOKED_ADMITTED;

    /** Whether a refusal reason goes with this result. */
    public boolean hasReason() {
        return this == INVALID || this == REVOKED_ADMITTED;
    }

    /** Whether the scan let the ticket through the door. */
    public boolean passed() {
        return this == ADMITTED || this == EXITED;
    }
}
