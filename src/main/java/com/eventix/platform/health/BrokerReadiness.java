package com.eventix.platform.health;

import com.eventix.platform.messaging.Broker;
import com.eventix.platform.messaging.OutboxRelay;
import com.eventix.platform.messaging.QueueNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the broker, this deployment's namespace on it (its queues are named "eventix.notifications." and the
 * namespace, and so on) and the outbox backlog. Stays UP while the broker is away: messages wait in the outbox
 * (in PostgreSQL) and go out when it returns, so requests can still be served.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {
    @Inject
    Broker broker;
    @Inject
    OutboxRelay relay;
    @Inject
    QueueNames names;

    @Inject
    Started started;

    @Override
    public HealthCheckResponse call() {
        if (!started.yet()) {
            return HealthCheckResponse.named("broker").down().withData("starting", true).build();
        }
        boolean reachable = broker.isReachable();
        return HealthCheckResponse.named("broker").up()
                .withData("reachable", reachable)
                .withData("url", broker.url())
                .withData("queueNamespace", names.namespace())
                .withData("outboxPending", relay.pending())
                .build();
    }
}
