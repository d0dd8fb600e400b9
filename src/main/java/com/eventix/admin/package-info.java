/**
 * Administration: verifying or rejecting organizers, approving or rejecting submitted events (moderation),
 * reading the audit log, reconciling the ledger, and retrying refunds the provider kept refusing. Every endpoint requires the ADMIN role. Admin may use any feature below it; none uses it.
 */
package com.eventix.admin;
