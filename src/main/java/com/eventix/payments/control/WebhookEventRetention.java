package com.eventix.payments.control;

import com.eventix.platform.retention.RetentionRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Webhook receipts are kept to recognise a provider's repeated delivery; providers stop retrying after a few
 * days (Stripe: 3), so RETENTION_WEBHOOK_EVENTS (30 days by default) must stay well above that.
 */
@ApplicationScoped
public class WebhookEventRetention {
    static final Duration PROVIDER_RETRY_WINDOW = Duration.ofDays(3);

    @Inject
    @ConfigProperty(name = "RETENTION_WEBHOOK_EVENTS")
    Duration age;

    @Produces
    RetentionRule webhookEvents() {
        // Never shorter than the providers' retries, whatever is configured: a redelivery must still be a repeat.
        return new RetentionRule("webhook_events", "received_at < ?1",
                age.compareTo(PROVIDER_RETRY_WINDOW) < 0 ? PROVIDER_RETRY_WINDOW : age);
    }
}
