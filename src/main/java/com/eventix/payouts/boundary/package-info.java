/** The ways in: organizers' payout endpoints, the payout timer and the payouts queue's consumer. */
package com.eventix.payouts.boundary;
