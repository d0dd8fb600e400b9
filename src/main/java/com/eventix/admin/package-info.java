/**
 * Administration: verifying or rejecting organizers, approving or rejecting submitted events (moderation), banning and
 * unbanning users, payouts held or released, reading the audit log, reconciling the ledger, retrying refunds the
 * provider kept refusing, what ticket holders were told, and the platform's figures per day. Every endpoint requires
 * the ADMIN role. Admin may use any feature below it; none uses it.
 */
package com.eventix.admin;
