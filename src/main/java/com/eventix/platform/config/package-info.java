/**
 * Configuration helpers for MicroProfile Config: operators' duration syntax (15m, 168h).
 */
package com.eventix.platform.config;
