/**
 * Events and ticket tiers: organizers' CRUD with ownership, the lifecycle (state machine in the entity; time-driven steps by a timer that claims rows with SKIP LOCKED), and discovery: listings, full-text search and their Redis cache.
 */
package com.eventix.events;
