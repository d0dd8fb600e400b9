package com.eventix.checkin.control;

import com.eventix.checkin.entity.ScanDirection;
import java.time.Instant;
import java.util.UUID;

/**
 * One scan to decide: a ticket code (or, for an organizer's manual check-in, a ticket id), where and when. A
 * missing list means the scanner's only list, else the event's default list. An offline scan is judged as of when
 * it was made, and {@code localAdmitted} says whether the device let the ticket through then.
 */
public record ScanInput(UUID eventId, String code, UUID ticketId, UUID listId, ScanDirection direction, String gate,
                        String nonce, Instant scannedAt, boolean offline, boolean localAdmitted) {
    /** A scan decided online, as it happens. */
    public static ScanInput online(UUID eventId, String code, UUID ticketId, UUID listId, ScanDirection direction,
                                   String gate, String nonce, Instant scannedAt) {
        return new ScanInput(eventId, code, ticketId, listId, direction, gate, nonce, scannedAt, false, false);
    }
}
