/**
 * Bulkheads: bounded concurrency for expensive work, refusing with 503 + Retry-After beyond it (invariant 9).
 */
package com.eventix.platform.concurrency;
