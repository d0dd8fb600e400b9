/**
 * Booking: holds on tier inventory (reservations) and the orders that pay for them. Inventory invariant per tier:
 * available + active holds + issued tickets = total, at every commit; {@link com.eventix.booking.control.Inventory}
 * alone locks tiers for holds and orders and moves their stock. Booking depends on events (and below) only: what
 * follows an order (tickets, mail) reacts to {@link com.eventix.booking.control.OrderPaid} and
 * {@link com.eventix.booking.control.OrderRefused}, and payments, above it, keeps holds of a payment in flight
 * through {@link com.eventix.booking.control.Orders#protectHolds} and hears each sweep through
 * {@link com.eventix.booking.control.HoldSweep}.
 */
package com.eventix.booking;
