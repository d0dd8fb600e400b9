/**
 * REST endpoints /tickets/reserve and /tickets/reservations, and the hold expiry timer.
 */
package com.eventix.booking.boundary;
