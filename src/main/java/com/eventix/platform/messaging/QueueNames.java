package com.eventix.platform.messaging;

import com.eventix.platform.persistence.DeploymentIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The broker's name for each of {@link Queues}: the queue's name and this deployment's namespace, so that
 * deployments sharing one broker (staging and production, two tenants) never take each other's messages, which
 * they could not apply to their own database. QUEUE_NAMESPACE sets it; by default it is this deployment's
 * {@link DeploymentIdentity}, which instances sharing a database share (they serve one queue together).
 */
@ApplicationScoped
public class QueueNames {
    @Inject
    @ConfigProperty(name = "QUEUE_NAMESPACE")
    Optional<String> configured;
    @Inject
    DeploymentIdentity identity;

    /** This deployment's part of every queue name. */
    public String namespace() {
        return configured.map(String::strip).filter(s -> !s.isEmpty()).orElseGet(identity::digest);
    }

    /** The broker's queue for one of {@link Queues}, e.g. {@code eventix.payouts.3f09c1d2a4b5e6f7}. */
    public String of(String queue) {
        return queue + "." + namespace();
    }
}
