package com.eventix.platform.redis;

import com.eventix.platform.api.RateLimitedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;

/**
 * Fixed-window counters in Redis, shared by every instance. When Redis is unreachable the limit is not
 * enforced (and {@link Redis} says so in the log): refusing every login because a cache is down would be worse.
 */
@ApplicationScoped
public class RateLimiter {
    /** INCR, set the window on the first hit, answer the count and the time left. Atomic across instances. */
    private static final String SCRIPT = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
            return {n, ttl}
            """;

    @Inject
    Redis redis;

    /**
     * Counts one attempt against {@code limit} per {@code window} for the key; throws 429 when over the limit.
     */
    public void acquire(String bucket, String key, int limit, Duration window) {
        String redisKey = "eventix:rl:" + bucket + ":" + key;
        List<?> result = redis.call(jedis -> (List<?>) jedis.eval(SCRIPT, List.of(redisKey),
                List.of(Long.toString(window.toMillis())))).orElse(null);
        if (result == null) {
            return;
        }
        long count = (Long) result.get(0);
        long ttlMillis = (Long) result.get(1);
        if (count > limit) {
            throw new RateLimitedException(Math.max(1, (ttlMillis + 999) / 1000));
        }
    }
}
