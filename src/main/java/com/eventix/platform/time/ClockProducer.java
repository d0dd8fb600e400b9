package com.eventix.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * The one clock services read "now" from, so that tests of control classes can pass a fixed one. It ticks in
 * microseconds, PostgreSQL's timestamp precision, so an instant reads back exactly as it was written.
 */
@ApplicationScoped
public class ClockProducer {
    @Produces
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
