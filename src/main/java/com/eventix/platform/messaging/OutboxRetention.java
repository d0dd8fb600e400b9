package com.eventix.platform.messaging;

import com.eventix.platform.retention.RetentionRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Published outbox rows (emails with their PNG attachments among them) are kept RETENTION_OUTBOX_PUBLISHED
 * (7 days by default) for inspection, then deleted. Pending and dead rows are never swept: a dead one waits for an
 * operator.
 */
@ApplicationScoped
public class OutboxRetention {
    @Inject
    @ConfigProperty(name = "RETENTION_OUTBOX_PUBLISHED")
    Duration age;

    @Produces
    RetentionRule publishedMessages() {
        return new RetentionRule("outbox_messages", "published_at < ?1 AND dead_at IS NULL", age);
    }
}
