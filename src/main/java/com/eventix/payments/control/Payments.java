package com.eventix.payments.control;

import com.eventix.identity.control.Users;
import com.eventix.payments.control.providers.Checkout;
import com.eventix.payments.control.providers.CheckoutRequest;
import com.eventix.payments.control.providers.PaymentProvider;
import com.eventix.payments.control.providers.PaymentProviders;
import com.eventix.payments.control.providers.PaymentStatus;
import com.eventix.payments.control.providers.Refund;
import com.eventix.payments.control.providers.WebhookEvent;
import com.eventix.payments.entity.Payment;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.audit.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        // The buyer may be back because the provider's answer never arrived: ask it about an open attempt first.
        // An order paid meanwhile answers with its payment rather than a refusal.
        Optional<Payment> last = records.latest(userId, orderId);
        if (last.isPresent()) {
            Payment payment = last.get();
            if (payment.status() == Payment.Status.AUTHORIZED || payment.status() == Payment.Status.PROCESSING) {
                payment = settleNow(payment);
            }
            if (payment.isSettled()) {
                return payment;
            }
        }
        PaymentProvider provider = providers.byName(providerName == null ? defaultProvider : providerName);
        return startCheckout(userId, provider, records.reopen(userId, orderId, provider.name(), origin));
    }

    private Payment startCheckout(UUID userId, PaymentProvider provider, Payment payment) {
        if (payment.status() == Payment.Status.COMPLETED) {
            return payment;
        }
        String base = publicBaseUrl.replaceAll("/$", "");
        try {
            Checkout checkout = provider.startCheckout(new CheckoutRequest(payment.id(), payment.orderId(),
                    payment.amount(), payment.currency(), users.get(userId).email(),
                    base + "/orders/" + payment.orderId() + "?paid", base + "/orders/" + payment.orderId() + "?cancelled",
                    "Eventix order " + payment.orderId()));
            return records.authorized(payment.id(), checkout.providerReference(), checkout.paymentUrl());
        } catch (RuntimeException e) {
            ApiException failure = e instanceof ApiException api ? api
                    : new ApiException(ErrorCode.PAYMENT_PROVIDER_ERROR, "The payment provider could not be asked");
            if (!(e instanceof ApiException)) {
                LOG.log(Level.SEVERE, "Checkout of payment " + payment.id() + " failed", e);
            }
            records.failed(payment.id(), failure.code().name());
            // The order exists: say which, so the buyer can retry with POST /orders/{id}/payments; a retry with
            // the same Idempotency-Key gets this answer again rather than a second order.
            throw new ApiException(failure.code(), failure.getMessage(), Map.of("orderId",
                    payment.orderId().toString(), "paymentId", payment.id().toString())).keepingEffects();
        }
    }

    /**
     * The payment after asking its provider where it stands (applied like its webhook); as it was when the provider
     * has not decided or cannot be asked.
     */
    public Payment settleNow(Payment payment) {
        try {
            settleFromStatus(payment);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not ask the provider about payment " + payment.id(), e);
        }
        return records.get(payment.id());
    }

    /**
     * What a checkout request answered, rebuilt for a retry of it whose server died before answering: the latest
     * attempt of the order placed for these holds, if it was placed.
     */
    public Optional<Payment> placed(UUID userId, List<UUID> reservationIds) {
        return reservationIds.isEmpty() ? Optional.empty() : records.latestOfOrderFor(userId, reservationIds.get(0));
    }

    /** The same for a request for another attempt: the attempt made on the order since {@code since}, if any. */
    public Optional<Payment> retried(UUID userId, UUID orderId, Instant since) {
        return records.latestSince(userId, orderId, since);
    }

    /** A provider's webhook: verified over the raw bytes, applied once, then any refund it calls for. */
    public void webhook(String providerName, byte[] rawBody, Map<String, String> headers) {
        PaymentProvider provider = providers.byName(providerName);
        settle(provider, provider.verifyWebhook(rawBody, headers, clock.instant()));
    }

    /** Applies what the provider says about a payment (a webhook, or its answer to a status query), then any refund. */
    public void settle(PaymentProvider provider, WebhookEvent event) {
        if (event.type() == WebhookEvent.Type.FEE_REPORTED && event.providerFee() == null && event.paymentId() != null) {
            // Only for charges of Eventix's payments (their metadata names one; the account may take others too).
            // Asked before anything is recorded: if the provider cannot answer, the webhook fails and comes again.
            event = event.withProviderFee(provider.fee(event.objectId(), event.currency()).orElse(null));
        }
        PaymentRecords.Followup followup = records.apply(provider.name(), event);
        if (followup.refund()) {
            refund(records.get(followup.refundPaymentId()), null);
        }
    }

    /**
     * Asks the provider where the payment stands and, when it has decided, applies that like its webhook (recorded
     * under its own event id, so the webhook arriving later is a duplicate). Answers whether it had decided.
     */
    public boolean settleFromStatus(Payment payment) {
        PaymentProvider provider = providers.byName(payment.provider());
        PaymentStatus status = provider.status(payment.transactionId());
        WebhookEvent.Type outcome = switch (status.state()) {
            case SUCCEEDED -> WebhookEvent.Type.PAYMENT_SUCCEEDED;
            case FAILED -> WebhookEvent.Type.PAYMENT_FAILED;
            default -> null;
        };
        if (outcome == null) {
            return false;
        }
        settle(provider, WebhookEvent.payment("status-check:" + payment.id() + ":" + outcome, outcome,
                payment.transactionId(), WebhookEvent.ReferenceKind.CHECKOUT, payment.id(), status.amount(),
                status.currency(), clock.instant(), status.chargeReference(), null));
        return true;
    }

    /**
     * Asks the provider to refund a REFUNDING payment, the attempt recorded first. A failure leaves it REFUNDING
     * without a refund reference, and {@link StalledRefunds} asks again; the refund's key is the same every time, so
     * the provider refunds once. {@code lastTriedBefore}: see {@link PaymentRecords#claimRefund}.
     */
    public void refund(Payment payment, Instant lastTriedBefore) {
        if (!records.claimRefund(payment.id(), lastTriedBefore)) {
            return;
        }
        try {
            Refund refund = providers.byName(payment.provider()).refund(payment.transactionId(), payment.amount(),
                    payment.currency(), "refund-" + payment.id());
            if (refund.state() == Refund.State.FAILED) {
                LOG.severe("The provider refused the refund of payment " + payment.id() + "; it is asked again later");
                return;
            }
            records.refundAccepted(payment.id(), refund.providerRefundId(), refund.state() == Refund.State.SUCCEEDED);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Refund of payment " + payment.id() + " failed; it stays REFUNDING and is asked again later", e);
        }
    }
}
