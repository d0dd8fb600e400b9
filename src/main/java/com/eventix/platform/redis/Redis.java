package com.eventix.platform.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Redis as an optional accelerator: every call may come back empty, and callers must then do the correct thing
 * without it (design invariant 8). After a failure, Redis is skipped for a short back-off so that an outage costs
 * one timeout, not one per request. State changes are logged once, loudly.
 */
@ApplicationScoped
public class Redis {
    private static final Logger LOG = Logger.getLogger(Redis.class.getName());
    private static final Duration BACK_OFF = Duration.ofSeconds(5);

    @Inject
    JedisPool pool;
    @Inject
    Clock clock;
    @Inject
    Event<RedisReconnected> reconnected;
    @Inject
    MetricRegistry metrics;
    @Inject
    RedisNamespace namespace;

    private final AtomicReference<Instant> skipUntil = new AtomicReference<>(Instant.MIN);
    private final AtomicBoolean down = new AtomicBoolean(false);

    /**
     * The Redis key for {@code name} in this deployment's namespace ({@link RedisNamespace}): every key Eventix
     * writes goes through here, e.g. {@code key("rl:login:" + ip)}.
     */
    public String key(String name) {
        return namespace.key(name);
    }

    /** Runs a command; empty when Redis is unreachable (now or within the back-off). */
    public <T> Optional<T> call(Function<Jedis, T> command) {
        if (clock.instant().isBefore(skipUntil.get())) {
            return Optional.empty();
        }
        try (Jedis jedis = pool.getResource()) {
            if (down.get()) {
                // Back after an outage: announce it before answering, so caches drop what may be stale first.
                jedis.ping();
                if (down.compareAndSet(true, false)) {
                    LOG.warning("Redis is reachable again: caching and shared rate limits restored");
                    reconnected.fire(new RedisReconnected());
                }
            }
            return Optional.ofNullable(command.apply(jedis));
        } catch (JedisException e) {
            if (e.getCause() instanceof NoSuchElementException) {
                // Timed out waiting for a pooled connection: Redis is fine, every connection is in use. This call
                // goes without; the next ones do not.
                metrics.counter("eventix_redis_pool_exhausted").inc();
                return Optional.empty();
            }
            skipUntil.set(clock.instant().plus(BACK_OFF));
            // The idle connections died with the link: drop them, or each would fail once after Redis returns and
            // start another back-off (N idle connections meant N x 5 s without cache and shared limits).
            pool.clear();
            if (down.compareAndSet(false, true)) {
                LOG.warning("Redis is unreachable (" + e.getMessage() + "): continuing without it; "
                        + "caching is bypassed, and until it returns rate limits are counted per instance for the families in "
                        + "RATE_LIMIT_FAIL_CLOSED and not enforced for the others");
            }
            return Optional.empty();
        }
    }

    /** Whether the last attempt reached Redis; probes it when the back-off has passed. */
    public boolean isAvailable() {
        return call(Jedis::ping).isPresent();
    }
}
