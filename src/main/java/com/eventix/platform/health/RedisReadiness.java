package com.eventix.platform.health;

import com.eventix.platform.redis.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports Redis, but stays UP without it: Eventix answers correctly without Redis (slower, without rate
 * limits), and taking every instance out of the load balancer because a cache is down would be an outage.
 */
@Readiness
@ApplicationScoped
public class RedisReadiness implements HealthCheck {
    @Inject
    Redis redis;

    @Inject
    Started started;

    @Override
    public HealthCheckResponse call() {
        if (!started.yet()) {
            return HealthCheckResponse.named("redis").down().withData("starting", true).build();
        }
        boolean available = redis.isAvailable();
        return HealthCheckResponse.named("redis").up()
                .withData("reachable", available)
                .withData("mode", available ? "normal" : "degraded: no cache, rate limiting off")
                .build();
    }
}
