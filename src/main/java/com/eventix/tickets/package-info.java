/**
 * Tickets: issued in reaction to booking's OrderPaid (in the payment's transaction) and mailed with their QR codes
 * through the outbox; signed ticket codes (the QR payload), their PNG rendering and the per-event Ed25519 keys that
 * sign them. A code proves itself with the event's public key alone, so scanners can verify it offline. Codes carry
 * a version so that a re-issued code can revoke the old one; nothing re-issues codes or checks versions yet
 * (transfers and check-in will).
 */
package com.eventix.tickets;
