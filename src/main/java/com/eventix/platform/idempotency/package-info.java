/**
 * Idempotency keys for POSTs that create money or tickets (design.md section 3).
 */
package com.eventix.platform.idempotency;
