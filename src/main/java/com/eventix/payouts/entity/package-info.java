/** Payouts and where they go: {@link com.eventix.payouts.entity.Payout} owns its state machine. */
package com.eventix.payouts.entity;
