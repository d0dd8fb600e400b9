/**
 * Payouts: organizers' money leaves the platform. An organizer names the account it goes to; once an event is
 * COMPLETED and PAYOUT_DELAY has passed, what the ledger owes for it, less a reserve kept for late refunds during
 * PAYOUT_RESERVE_PERIOD, becomes a payout: written with its ledger entry and its queue message in one transaction,
 * then sent to the provider by the payouts queue's consumer. Rules: a payout's id is its key at the provider, so
 * sending it again never pays twice; a payout whose outcome is unknown is looked up at the provider before it is sent
 * again; an admin's hold stops both creating and sending. Depends on payments (the ledger, the providers), events and
 * organizers; nothing depends on it.
 */
package com.eventix.payouts;
