/**
 * REST endpoints /organizers, /organizers/me and /organizers/me/events.
 */
package com.eventix.organizers.boundary;
