/**
 * REST endpoints /events, /events/{id}/tiers, the organizer's own events (/organizers/me/events, here because
 * events may ask organizers but never the reverse), event banners and the lifecycle timer.
 */
package com.eventix.events.boundary;
