/**
 * Redis through a pooled Jedis client. Redis only accelerates: every caller must work when a call comes back empty (invariant 8). Every key goes through Redis.key, which puts it in this deployment's namespace (RedisNamespace).
 */
package com.eventix.platform.redis;
