package com.eventix.platform.observability;

import com.eventix.platform.api.ApiResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Counts each answer of an {@link Outcomes} endpoint by its outcome. */
@Provider
@ApplicationScoped
@Outcomes("")
public class OutcomeCounter implements ContainerResponseFilter {
    @Context
    ResourceInfo resource;
    @Inject
    MetricRegistry metrics;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Outcomes outcomes = resource.getResourceMethod().getAnnotation(Outcomes.class);
        if (outcomes == null) {
            outcomes = resource.getResourceClass().getAnnotation(Outcomes.class);
        }
        if (outcomes == null) {
            return;
        }
        metrics.counter("eventix_" + outcomes.value(), new Tag("outcome", outcome(response))).inc();
    }

    static String outcome(ContainerResponseContext response) {
        if (response.getStatus() < 400) {
            return "success";
        }
        if (response.getEntity() instanceof ApiResponse<?> envelope && envelope.error() != null) {
            return envelope.error().code().name();
        }
        return "HTTP_" + response.getStatus();
    }
}
