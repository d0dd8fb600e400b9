/**
 * Issuing tickets when an order is paid (in reaction to booking's OrderPaid, in its transaction) and mailing
 * them, transferring them to another account with a new code, verifying ticket codes, rendering them as QR images,
 * and the event key pairs behind them. Event private
 * keys never leave the server and are stored only sealed under a key derived from the token-signing key.
 */
package com.eventix.tickets.control;
