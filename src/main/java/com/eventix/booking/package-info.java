/**
 * Booking: holds on tier inventory (reservations) and the orders that pay for them. Inventory invariant per tier:
 * available + active holds + issued tickets = total, at every commit; the tier row lock serialises buyers of one
 * tier.
 */
package com.eventix.booking;
