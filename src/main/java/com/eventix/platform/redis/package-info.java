/**
 * Redis through a pooled Jedis client. Redis only accelerates: every caller must work when a call comes back empty (invariant 8).
 */
package com.eventix.platform.redis;
