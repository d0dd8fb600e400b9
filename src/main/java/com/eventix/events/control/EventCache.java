package com.eventix.events.control;

import com.eventix.platform.redis.Redis;
import com.eventix.platform.redis.RedisReconnected;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Redis cache of public event pages (15 min) and listing pages (5 min). Every key carries a generation number;
 * a change to an event bumps it after commit, so the next read misses everywhere at once (no key scans). Ticket
 * counts moving (holds, sales) bump it at most once per CACHE_INVENTORY_REFRESH (1 s by default): a drop would
 * otherwise empty the cache with every hold, just when browsing peaks.
 * After a Redis outage the generation is bumped too, since invalidations may have been lost meanwhile.
 *
 * <p>Keys live in the deployment's namespace ({@link Redis#key}) and are digests of the canonical request
 * ({@link CacheKey}). The generation is read from Redis, never assumed: where it is missing (first use, eviction, a
 * flushed Redis) it starts from Redis's clock, so entries written under an earlier count are never read again.
 */
@ApplicationScoped
public class EventCache {
    public static final Duration DETAIL_TTL = Duration.ofMinutes(15);
    public static final Duration LIST_TTL = Duration.ofMinutes(5);
    private static final String GENERATION = "events:generation";
    private static final Jsonb JSON = JsonbBuilder.create();
    /** The generation; a missing one starts from Redis's clock in microseconds, above any count used before. */
    private static final String GENERATION_OF = """
            local g = redis.call('GET', KEYS[1])
            if not g then
              local t = redis.call('TIME')
              redis.call('SET', KEYS[1], t[1] .. string.format('%06d', tonumber(t[2])), 'NX')
              g = redis.call('GET', KEYS[1])
            end
            """;
    /** The current generation and, in the same round trip, the entry stored under it. */
    private static final String READ = GENERATION_OF + """
            return {g, redis.call('GET', ARGV[1] .. g .. ':' .. ARGV[2])}
            """;
    /** The next generation. */
    private static final String BUMP = GENERATION_OF + """
            return redis.call('INCR', KEYS[1])
            """;

    @Inject
    Redis redis;
    @Inject
    MetricRegistry metrics;
    @Resource
    ManagedScheduledExecutorService scheduler;
    /** How stale ticket counts on cached pages may be, at most, while tickets are being held and sold. */
    @Inject
    @ConfigProperty(name = "CACHE_INVENTORY_REFRESH")
    Duration inventoryRefresh;

    private final AtomicBoolean inventoryRefreshScheduled = new AtomicBoolean();
    /** Starts true: changes made while this instance was down may not have been announced either. */
    private final AtomicBoolean invalidationLost = new AtomicBoolean(true);

    /**
     * The cached JSON text for {@code kind}/{@code key}, or what {@code load} computes, serialized (then stored).
     * Text, not a parsed tree: a hit is written to the client as it is. Without Redis, simply {@code load}.
     */
    public String get(String kind, String key, Duration ttl, Supplier<Object> load) {
        Lookup lookup = lookup(kind, key);
        if (lookup.json() != null) {
            return lookup.json();
        }
        String json = toJson(load.get());
        lookup.store(json, ttl);
        return json;
    }

    /**
     * A read of the cache: the entry's JSON (null on a miss, which is counted) and the generation it was read at.
     * What is loaded after a miss must be stored under that generation: if the event changed meanwhile, the
     * generation moved on and the possibly stale entry is never read.
     */
    public Lookup lookup(String kind, String key) {
        Optional<List<?>> entry = redis.call(jedis -> (List<?>) jedis.eval(READ, List.of(redis.key(GENERATION)),
                List.of(prefix(kind), key)));
        if (entry.isEmpty()) {
            counter(kind, "miss").inc();
            return new Lookup(null, null, this);
        }
        String redisKey = prefix(kind) + entry.get().get(0) + ":" + key;
        if (entry.get().size() > 1 && entry.get().get(1) != null) {
            counter(kind, "hit").inc();
            return new Lookup((String) entry.get().get(1), redisKey, this);
        }
        counter(kind, "miss").inc();
        return new Lookup(null, redisKey, this);
    }

    /** See {@link #lookup}; {@code redisKey} is null when Redis was unreachable (nothing will be stored). */
    public record Lookup(String json, String redisKey, EventCache cache) {
        public void store(String json, Duration ttl) {
            if (redisKey != null) {
                cache.redis.call(jedis -> jedis.setex(redisKey, ttl.toSeconds(), json));
            }
        }
    }

    public static String toJson(Object value) {
        return JSON.toJson(value);
    }

    void onEventChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventChanged changed) {
        if (!changed.inventoryOnly()) {
            invalidateAll();
        } else if (inventoryRefreshScheduled.compareAndSet(false, true)) {
            try {
                scheduler.schedule(this::refreshInventory, inventoryRefresh.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                // No application context to schedule from (a change made by a startup task, as the demo data's
                // holds): bump now, and never leave the flag set with nothing scheduled to drop it.
                inventoryRefreshScheduled.set(false);
                invalidateAll();
            }
        }
    }

    /**
     * The one bump for all inventory changes since it was scheduled. The flag drops first, so a change arriving
     * during the bump schedules the next one: the last change is always shown within CACHE_INVENTORY_REFRESH.
     */
    private void refreshInventory() {
        inventoryRefreshScheduled.set(false);
        invalidateAll();
    }

    /** Only when a change could not be announced meanwhile: a timeout under load must not empty the cache. */
    void onRedisBack(@Observes RedisReconnected reconnected) {
        if (invalidationLost.get()) {
            invalidateAll();
        }
    }

    public void invalidateAll() {
        invalidationLost.set(redis.call(jedis -> jedis.eval(BUMP, List.of(redis.key(GENERATION)), List.of()))
                .isEmpty());
    }

    private Counter counter(String kind, String result) {
        return metrics.counter("eventix_cache_requests", new Tag("cache", kind), new Tag("result", result));
    }

    private String prefix(String kind) {
        return redis.key("events:" + kind + ":");
    }
}
