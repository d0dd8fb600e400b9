/**
 * REST endpoints /organizers and /organizers/me. An organizer's events (/organizers/me/events) are served by the
 * events feature, which depends on this one and not the reverse.
 */
package com.eventix.organizers.boundary;
