/**
 * Platform plumbing every feature stands on: the JAX-RS application, the response envelope and error mapping (api), the datasource and migrations (persistence), Redis (redis), the broker and the transactional outbox (messaging), token keys and the current user (security), the HTTP edge: CORS, security headers, body limits, rate limits and client addresses (web), the audit log (audit), retention sweeps over the features' rules (retention), health checks, configuration and the clock. Holds no business rules.
 */
package com.eventix.platform;
