/**
 * What operators watch: traces (MicroProfile Telemetry) carried from a request through the outbox to the queue
 * worker that handles its message and around every timer run, JSON log lines that name the trace they belong to,
 * and business metrics on {@code /metrics} beside the server's own.
 */
package com.eventix.platform.observability;
