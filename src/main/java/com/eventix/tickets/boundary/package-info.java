/**
 * REST endpoints for tickets: one ticket, its QR image, the user's tickets, and an event's public ticket key for
 * scanners.
 */
package com.eventix.tickets.boundary;
