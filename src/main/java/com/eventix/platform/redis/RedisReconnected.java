package com.eventix.platform.redis;

/**
 * Fired when Redis answers again after an outage. Caches whose invalidations may have been lost meanwhile
 * drop their content.
 */
public record RedisReconnected() {
}
