/**
 * Tickets: issued in reaction to booking's OrderPaid (in the payment's transaction) and mailed with their QR codes
 * through the outbox; signed ticket codes (the QR payload), their PNG rendering and the per-event Ed25519 keys that
 * sign them; transfers of a ticket to another account. A code proves itself with the event's public key alone, so
 * scanners can verify it offline. Codes carry a version: an accepted transfer gives the ticket a new code of the
 * next version, and every older code of it is void from then on. Tickets answers which codes are void
 * ({@code Tickets.revocationsSince}) and announces {@code TicketTransferred}; checking a scanned code's version is
 * left to check-in. Holders of valid tickets are told, once each, of their event the day before it starts, of a change
 * of its time or place (events' {@code EventRescheduled}) and of its organizer's announcements ({@code EventNotices},
 * mailed in batches by {@code NoticeTimer} on every instance).
 */
package com.eventix.tickets;
