/**
 * REST endpoints of check-in: an event's check-in lists, scanner devices and attendees (organizer), the device
 * token exchange, scan validation, offline bundles and sync (scanner devices and organizers) and live statistics.
 */
package com.eventix.checkin.boundary;
