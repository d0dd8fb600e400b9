/**
 * Retention: tables that grow with every request (login attempts, tokens, idempotency keys, webhook receipts,
 * published outbox rows) are swept of rows nobody can need any more. The platform owns the timer and the batched,
 * instance-safe deletes; each feature contributes its own tables as {@link com.eventix.platform.retention.RetentionRule}
 * beans, so the platform never names a feature's table.
 */
package com.eventix.platform.retention;
