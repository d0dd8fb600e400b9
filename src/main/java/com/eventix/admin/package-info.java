/**
 * Administration: verifying or rejecting organizers, approving or rejecting submitted events and suspending or
 * reinstating published ones (moderation), accounts (their orders and audit trail, bans, roles), payouts held or
 * released, the audit log and its queries, reconciling the ledger, payments found, stuck ones asked about again,
 * refunds and cancelled events' orders retried, dead-lettered messages requeued or discarded, what ticket holders
 * were told, and the platform's figures per day. Every endpoint requires the ADMIN role. Admin may use any feature
 * below it; none uses it.
 */
package com.eventix.admin;
