package com.eventix.platform.idempotency;

import com.eventix.platform.retention.RetentionRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An Idempotency-Key answers repeats for RETENTION_IDEMPOTENCY_KEYS (24 h by default, as payment APIs do); after
 * that the key is forgotten and a request carrying it again is a new request.
 */
@ApplicationScoped
public class IdempotencyRetention {
    @Inject
    @ConfigProperty(name = "RETENTION_IDEMPOTENCY_KEYS")
    Duration replayWindow;

    @Produces
    RetentionRule idempotencyKeys() {
        // A claim whose lease still runs belongs to a request in progress, however old the key.
        return new RetentionRule("idempotency_keys", "created_at < ?1 AND (lease_until IS NULL OR lease_until < now())",
                replayWindow);
    }
}
