package com.eventix.platform.redis;

import com.eventix.platform.api.RateLimitedException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fixed-window counters in Redis, shared by every instance. When Redis cannot be asked (down, or every pooled
 * connection busy), a bucket whose family is listed in RATE_LIMIT_FAIL_CLOSED is counted by this instance alone
 * ({@link LocalRateLimiter}, same limits): password checks stay limited through an outage. Other families go
 * unlimited meanwhile ("open"): a per-instance count would only be a looser copy, and refusing browsing because a
 * cache is down would be worse.
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
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "RATE_LIMIT_FAIL_CLOSED")
    String failClosed;
    @Inject
    @ConfigProperty(name = "RATE_LIMIT_LOCAL_MAX_KEYS")
    int localMaxKeys;

    private Set<String> closedFamilies;
    private LocalRateLimiter local;

    @PostConstruct
    void init() {
        closedFamilies = Arrays.stream(failClosed.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(String::toLowerCase).collect(Collectors.toUnmodifiableSet());
        // Not clock::millis: Clock.tick with a sub-millisecond tick divides by zero there.
        local = new LocalRateLimiter(localMaxKeys, () -> clock.instant().toEpochMilli());
    }

    /**
     * Counts one attempt against {@code limit} per {@code window} for the key; throws 429 when over the limit.
     * The bucket's family is its name up to the first '-' ("login-ip" belongs to "login").
     */
    public void acquire(String bucket, String key, int limit, Duration window) {
        String redisKey = redis.key("rl:" + bucket + ":" + key);
        List<?> result = redis.call(jedis -> (List<?>) jedis.eval(SCRIPT, List.of(redisKey),
                List.of(Long.toString(window.toMillis())))).orElse(null);
        if (result == null) {
            if (failsClosed(bucket)) {
                long waitMillis = local.acquire(bucket + ":" + key, limit, window);
                if (waitMillis > 0) {
                    throw new RateLimitedException(seconds(waitMillis));
                }
            }
            return;
        }
        long count = (Long) result.get(0);
        long ttlMillis = (Long) result.get(1);
        if (count > limit) {
            throw new RateLimitedException(seconds(ttlMillis));
        }
    }

    boolean failsClosed(String bucket) {
        int dash = bucket.indexOf('-');
        String family = (dash < 0 ? bucket : bucket.substring(0, dash)).toLowerCase();
        return closedFamilies.contains("all") || closedFamilies.contains(family);
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
