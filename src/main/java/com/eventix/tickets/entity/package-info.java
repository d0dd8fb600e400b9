/**
 * Ticket entities and value objects: the ticket (its owner, status and code version), a transfer offer with its
 * state machine, an event's signing key (one per event, never replaced) and the Ed25519 public key form that
 * scanners receive. Public keys are only ever Ed25519; the private key is held sealed.
 */
package com.eventix.tickets.entity;
