/**
 * MicroProfile Health checks. Readiness depends on PostgreSQL only; Redis and the broker are reported with their state but cannot take the instance out of service.
 */
package com.eventix.platform.health;
