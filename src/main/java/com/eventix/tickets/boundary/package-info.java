/**
 * REST endpoints for tickets: one ticket, its QR image, the user's tickets, an event's public ticket key for
 * scanners, and transfer offers (make one; list, read, accept, decline, cancel them).
 */
package com.eventix.tickets.boundary;
