/**
 * Check-in at the door: an event's check-in lists (which tiers a door admits, when, and whether exits are scanned),
 * the scanner devices an organizer issues for one event (a device key exchanged for a short SCANNER token), online
 * validation of scanned codes, offline scanning (a bundle to take to the door, and a sync of what was scanned
 * there), live statistics and the attendee list.
 *
 * <p>Check-in reacts to tickets and events and is never called back by them. Each event's default list "All
 * tickets" is created when the event is published (it observes events' {@code EventPublished}, in the publishing
 * transaction), and lazily on first need for events published before check-in existed.
 *
 * <p>Admissions are owned here. A scan locks its ticket row first, so scans of one ticket run one after the
 * other on every instance; a partial unique index (one open admission per ticket and list) holds the rule in the
 * database besides. The ticket's own status moves to CHECKED_IN through {@code Ticket.checkIn} in the same
 * transaction. Every scan is kept, refused ones too, and a scan's nonce makes a repeat answer the first result.
 * Offline scans go through the same desk, judged as of when they were made; an admission already on record is never
 * overwritten: the later one is kept as a conflict (DUPLICATE, or REVOKED_ADMITTED for a void ticket let in).
 */
package com.eventix.checkin;
