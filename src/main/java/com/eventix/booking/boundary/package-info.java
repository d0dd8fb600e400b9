/**
 * REST endpoints /tickets/reserve and /tickets/reservations, /orders, and the hold expiry timer.
 */
package com.eventix.booking.boundary;
