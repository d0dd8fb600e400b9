/**
 * Commands on events and tiers, the lifecycle sweep, the catalog queries (listing and search) and the event cache.
 */
package com.eventix.events.control;
