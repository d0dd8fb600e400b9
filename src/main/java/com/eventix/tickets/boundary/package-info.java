/**
 * REST endpoints for tickets: one ticket, its QR image, and the user's tickets.
 */
package com.eventix.tickets.boundary;
