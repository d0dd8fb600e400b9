/**
 * REST endpoints /events, /events/{id}/tiers and the lifecycle timer.
 */
package com.eventix.events.boundary;
