/**
 * Events and ticket tiers. The event lifecycle is the specification's state machine and lives in
 * {@link com.eventix.events.entity.Event}; tier inventory rules (never fewer tickets than committed, price fixed
 * once sold) live in {@link com.eventix.events.entity.TicketTier}.
 */
package com.eventix.events.entity;
