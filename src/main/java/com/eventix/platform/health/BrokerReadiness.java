package com.eventix.platform.health;

import com.eventix.platform.messaging.Broker;
import com.eventix.platform.messaging.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the broker and the outbox backlog. Stays UP while the broker is away: messages wait in the outbox
 * (in PostgreSQL) and go out when it returns, so requests can still be served.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {
    @Inject
    Broker broker;
    @Inject
    OutboxRelay relay;

    @Override
    public HealthCheckResponse call() {
        boolean reachable = broker.isReachable();
        return HealthCheckResponse.named("broker").up()
                .withData("reachable", reachable)
                .withData("url", broker.url())
                .withData("outboxPending", relay.pending())
                .build();
    }
}
