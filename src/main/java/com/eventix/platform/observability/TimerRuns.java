package com.eventix.platform.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * When each timer last began a run on this instance, published as {@code eventix_timer_lag_seconds{timer}}: the
 * seconds since then. A timer that runs every few seconds and shows a lag of minutes is stuck or starved.
 */
@ApplicationScoped
public class TimerRuns {
    private final Map<String, Instant> lastStarts = new ConcurrentHashMap<>();

    @Inject
    MetricRegistry metrics;
    @Inject
    Clock clock;

    void started(String timer) {
        if (lastStarts.put(timer, clock.instant()) == null) {
            metrics.gauge("eventix_timer_lag_seconds", () -> lag(timer), new Tag("timer", timer));
        }
    }

    /** Seconds since {@code timer} last began a run here. */
    public double lag(String timer) {
        Instant last = lastStarts.get(timer);
        return last == null ? 0 : Duration.between(last, clock.instant()).toMillis() / 1000.0;
    }
}
