package com.eventix.platform.observability;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Every API answer timed by its status class, {@code eventix_http_requests_seconds{status="2xx"|...}}: request rate,
 * error rate and latency quantiles (p99) for the dashboards. One label with four values keeps the series few.
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String STARTED = RequestMetrics.class.getName() + ".started";

    @Inject
    MetricRegistry metrics;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STARTED) instanceof Long started) {
            timer(response.getStatus()).update(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private Timer timer(int status) {
        return metrics.timer("eventix_http_requests", new Tag("status", Math.min(Math.max(status / 100, 1), 5) + "xx"));
    }
}
