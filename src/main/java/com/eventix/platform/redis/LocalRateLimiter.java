package com.eventix.platform.redis;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Fixed-window counters in this instance's memory: the fallback while Redis cannot be asked. Same limits as the
 * shared counters, but per instance. Memory stays bounded: windows that ended are dropped, and when more keys
 * than {@code maxKeys} are live the oldest windows go first (their callers simply start a fresh window).
 */
public final class LocalRateLimiter {
    private final int maxKeys;
    private final LongSupplier clockMillis;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public LocalRateLimiter(int maxKeys, LongSupplier clockMillis) {
        this.maxKeys = maxKeys;
        this.clockMillis = clockMillis;
    }

    /**
     * Counts one attempt; answers 0 when it is within the limit, otherwise the milliseconds until the window ends.
     */
    public long acquire(String key, int limit, Duration window) {
        long now = clockMillis.getAsLong();
        if (windows.size() >= maxKeys && !windows.containsKey(key)) {
            evict(now);
        }
        Window w = windows.compute(key, (k, old) -> old == null || old.endsAt <= now
                ? new Window(now + window.toMillis(), 1)
                : new Window(old.endsAt, old.count + 1));
        return w.count > limit ? Math.max(1, w.endsAt - now) : 0;
    }

    /** Live keys, for tests and metrics. */
    public int size() {
        return windows.size();
    }

    private synchronized void evict(long now) {
        windows.values().removeIf(w -> w.endsAt <= now);
        if (windows.size() < maxKeys) {
            return;
        }
        // Still full of live windows: drop those ending soonest until a tenth of the room is free again.
        long target = maxKeys * 9L / 10;
        long excess = windows.size() - target;
        long cutoff = windows.values().stream().mapToLong(w -> w.endsAt).sorted().skip(Math.max(0, excess - 1))
                .findFirst().orElse(Long.MAX_VALUE);
        windows.values().removeIf(w -> w.endsAt <= cutoff);
    }

    private record Window(long endsAt, int count) {
    }
}
