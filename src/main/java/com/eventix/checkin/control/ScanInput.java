package com.eventix.checkin.control;

import com.eventix.checkin.entity.ScanDirection;
import java.time.Instant;
import java.util.UUID;

/**
 * One scan to decide: a ticket code (or, for an organizer's manual check-in, a ticket id), where and when. A
 * missing list means the scanner's only list, else the event's default list.
 */
public record ScanInput(UUID eventId, String code, UUID ticketId, UUID listId, ScanDirection direction, String gate,
                        String nonce, Instant scannedAt, boolean offline) {
}
