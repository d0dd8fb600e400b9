package com.eventix.payments.control;

import com.eventix.identity.control.Users;
import com.eventix.payments.control.providers.Checkout;
import com.eventix.payments.control.providers.CheckoutRequest;
import com.eventix.payments.control.providers.PaymentProvider;
import com.eventix.payments.control.providers.PaymentProviders;
import com.eventix.payments.control.providers.WebhookEvent;
import com.eventix.payments.entity.Payment;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.audit.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Paying for holds: the order and a PENDING payment are recorded, the provider is asked for a checkout (outside
 * any transaction), and the payment becomes AUTHORIZED with the URL to send the payer to. Provider webhooks then
 * complete or fail it; a payment that cannot be honoured any more is refunded.
 */
@ApplicationScoped
public class Payments {
    private static final Logger LOG = Logger.getLogger(Payments.class.getName());

    @Inject
    PaymentRecords records;
    @Inject
    PaymentProviders providers;
    @Inject
    Users users;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "PAYMENT_PROVIDER")
    String defaultProvider;
    @Inject
    @ConfigProperty(name = "PUBLIC_BASE_URL")
    String publicBaseUrl;

    public Payment checkout(UUID userId, List<UUID> reservationIds, String providerName, RequestOrigin origin) {
        PaymentProvider provider = providers.byName(providerName == null ? defaultProvider : providerName);
        return startCheckout(userId, provider, records.open(userId, reservationIds, provider.name(), origin));
    }

    /**
     * A new attempt for a pending order whose last attempt failed before the payer could pay (the provider was
     * unreachable, for instance). Its holds must still be there.
     */
    public Payment retry(UUID userId, UUID orderId, String providerName, RequestOrigin origin) {
        PaymentProvider provider = providers.byName(providerName == null ? defaultProvider : providerName);
        return startCheckout(userId, provider, records.reopen(userId, orderId, provider.name(), origin));
    }

    private Payment startCheckout(UUID userId, PaymentProvider provider, Payment payment) {
        String base = publicBaseUrl.replaceAll("/$", "");
        try {
            Checkout checkout = provider.startCheckout(new CheckoutRequest(payment.id(), payment.orderId(),
                    payment.amount(), payment.currency(), users.get(userId).email(),
                    base + "/orders/" + payment.orderId() + "?paid", base + "/orders/" + payment.orderId() + "?cancelled",
                    "Eventix order " + payment.orderId()));
            return records.authorized(payment.id(), checkout.providerReference(), checkout.paymentUrl());
        } catch (ApiException e) {
            records.failed(payment.id(), e.code().name());
            // The order exists: say which, so the buyer can retry with POST /orders/{id}/payments.
            throw new ApiException(e.code(), e.getMessage(), Map.of("orderId", payment.orderId().toString(),
                    "paymentId", payment.id().toString()));
        }
    }

    /** A provider's webhook: verified over the raw bytes, applied once, then any refund it calls for. */
    public void webhook(String providerName, byte[] rawBody, Map<String, String> headers) {
        PaymentProvider provider = providers.byName(providerName);
        settle(provider, provider.verifyWebhook(rawBody, headers, clock.instant()));
    }

    /** Applies what the provider says about a payment (a webhook, or its answer to a status query), then any refund. */
    public void settle(PaymentProvider provider, WebhookEvent event) {
        PaymentRecords.Followup followup = records.apply(provider.name(), event);
        if (followup.refund()) {
            refund(provider, records.get(followup.refundPaymentId()));
        }
    }

    private void refund(PaymentProvider provider, Payment payment) {
        try {
            var refund = provider.refund(payment.transactionId(), payment.amount(), payment.currency(),
                    "refund-" + payment.id());
            if (refund.state() == com.eventix.payments.control.providers.Refund.State.SUCCEEDED) {
                records.refundedNow(payment.id());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Refund of payment " + payment.id() + " failed; it stays REFUNDING", e);
        }
    }
}
