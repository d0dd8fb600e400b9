/**
 * Tickets: issued in reaction to booking's OrderPaid (in the payment's transaction) and mailed with their QR codes
 * through the outbox; signed ticket codes (the QR payload), their PNG rendering and the per-event Ed25519 keys that sign
 * them. A code proves itself with the event's public key alone, so scanners can verify it offline; whether its
 * version is still the ticket's current one (revocation after a transfer) is checked on the server.
 */
package com.eventix.tickets;
