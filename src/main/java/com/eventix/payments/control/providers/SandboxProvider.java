package com.eventix.payments.control.providers;

import static com.eventix.platform.persistence.NativeRows.instant;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.security.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The built-in provider for development and demos. Its checkout is a page Eventix serves itself, where the payer
 * clicks Pay or Decline; it then calls Eventix's webhook as a real provider would: a Stripe-format event signed
 * with Stripe's scheme under SANDBOX_WEBHOOK_SECRET, so the same verification and handling run as in production.
 * Its own bookkeeping (what a real provider keeps on its side) is the sandbox_checkouts table, webhook deliveries
 * included: one that is not acknowledged is sent again with back-off, like Stripe's, surviving a restart.
 */
@ApplicationScoped
public class SandboxProvider implements PaymentProvider {
    public static final String NAME = "sandbox";
    /** HTTP/1.1: the sandbox is plain http, where the default tries an h2c upgrade that some servers never answer. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration MAX_RETRY_DELAY = Duration.ofHours(1);

    @PersistenceContext(unitName = "eventix")
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "SANDBOX_WEBHOOK_SECRET")
    Optional<String> configuredSecret;
    @Inject
    @ConfigProperty(name = "PUBLIC_BASE_URL")
    String publicBaseUrl;
    @Inject
    @ConfigProperty(name = "SANDBOX_WEBHOOK_RETRY_FIRST")
    Duration retryFirst;
    @Inject
    @ConfigProperty(name = "SANDBOX_WEBHOOK_RETRY_FOR")
    Duration retryFor;
    /** Off unless SANDBOX_ENABLED=true: in production anyone could otherwise "pay" by clicking a button. */
    @Inject
    @ConfigProperty(name = "SANDBOX_ENABLED")
    boolean enabled;

    private volatile StripeProvider verifier;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    @Transactional
    public Checkout startCheckout(CheckoutRequest request) {
        requireEnabled();
        String reference = "sbx_" + request.paymentId().toString().replace("-", "");
        em.createNativeQuery("INSERT INTO sandbox_checkouts (reference, payment_id, order_id, amount, currency) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (reference) DO NOTHING")
                .setParameter(1, reference).setParameter(2, request.paymentId()).setParameter(3, request.orderId())
                .setParameter(4, request.amount()).setParameter(5, request.currency()).executeUpdate();
        return new Checkout(reference, publicBaseUrl.replaceAll("/$", "") + "/api/v1/payments/sandbox/checkout/" + reference);
    }

    @Override
    @Transactional
    public Closure closeCheckout(String reference) {
        int changed = em.createNativeQuery("UPDATE sandbox_checkouts SET state = 'EXPIRED', updated_at = now() "
                + "WHERE reference = ?1 AND state = 'OPEN'").setParameter(1, reference).executeUpdate();
        if (changed == 0) {
            throw new ApiException(ErrorCode.CONFLICT, "This checkout is already " + checkout(reference)[0]);
        }
        return Closure.CLOSED;
    }

    @Override
    public PaymentStatus status(String reference) {
        Object[] row = checkout(reference);
        PaymentStatus.State state = switch ((String) row[0]) {
            case "PAID", "REFUNDED" -> PaymentStatus.State.SUCCEEDED;
            case "DECLINED", "EXPIRED" -> PaymentStatus.State.FAILED;
            default -> PaymentStatus.State.PENDING;
        };
        return new PaymentStatus(reference, state, (BigDecimal) row[1], ((String) row[2]).trim());
    }

    @Override
    public WebhookEvent verifyWebhook(byte[] rawBody, Map<String, String> headers, Instant now) {
        requireEnabled();
        return verifier().verifyWebhook(rawBody, headers, now);
    }

    @Override
    @Transactional
    public Refund refund(String reference, BigDecimal amount, String currency, String idempotencyKey) {
        // Refusals set by hand on the checkout (refunds_to_refuse) come first, one per request, as a closed card's would.
        int refused = em.createNativeQuery("UPDATE sandbox_checkouts SET refunds_to_refuse = refunds_to_refuse - 1 "
                + "WHERE reference = ?1 AND refunds_to_refuse > 0").setParameter(1, reference).executeUpdate();
        if (refused > 0) {
            return new Refund("sbx_refund_" + idempotencyKey, Refund.State.FAILED);
        }
        // A partial refund leaves the checkout PAID; the refund's id comes from its key, so a retry answers the same.
        em.createNativeQuery("UPDATE sandbox_checkouts SET state = 'REFUNDED', updated_at = now() "
                + "WHERE reference = ?1 AND state = 'PAID' AND amount = ?2").setParameter(1, reference)
                .setParameter(2, amount).executeUpdate();
        return new Refund("sbx_refund_" + idempotencyKey, Refund.State.SUCCEEDED);
    }

    /** The sandbox moves no money: a payout to it succeeds at once, its id made from the key. */
    @Override
    public Transfer transfer(TransferRequest request) {
        requireEnabled();
        return new Transfer("sbx_transfer_" + request.key(), Transfer.State.SUCCEEDED);
    }

    /** Sending again is harmless in the sandbox, so nothing is looked up. */
    @Override
    public java.util.Optional<Transfer> findTransfer(String key) {
        return java.util.Optional.empty();
    }

    /** What the checkout page shows: amount, currency and state of an open checkout. */
    public record Page(String reference, BigDecimal amount, String currency, String state) {
    }

    public Page page(String reference) {
        requireEnabled();
        Object[] row = checkout(reference);
        return new Page(reference, (BigDecimal) row[1], ((String) row[2]).trim(), (String) row[0]);
    }

    /**
     * The payer's decision on the checkout page, recorded on the provider's side together with the webhook that
     * announces it to {@code webhookUrl}: one event id for all its deliveries, due at once (see {@link #deliver}).
     */
    @Transactional
    public void close(String reference, boolean pay, URI webhookUrl) {
        int changed = em.createNativeQuery("UPDATE sandbox_checkouts SET state = ?2, updated_at = ?3, webhook_url = ?4, "
                        + "webhook_event_id = ?5, webhook_next_at = ?3 WHERE reference = ?1 AND state = 'OPEN'")
                .setParameter(1, reference).setParameter(2, pay ? "PAID" : "DECLINED")
                .setParameter(3, clock.instant().atOffset(ZoneOffset.UTC)).setParameter(4, webhookUrl.toString())
                .setParameter(5, "evt_" + UUID.randomUUID().toString().replace("-", "")).executeUpdate();
        if (changed == 0) {
            checkout(reference);
            throw new ApiException(ErrorCode.CONFLICT, "This checkout is already closed");
        }
    }

    /** Makes the next delivery of a webhook not yet acknowledged due now. */
    @Transactional
    public void announceAgainNow(String reference) {
        em.createNativeQuery("UPDATE sandbox_checkouts SET webhook_next_at = ?2 WHERE reference = ?1 "
                        + "AND webhook_url IS NOT NULL AND webhook_delivered_at IS NULL")
                .setParameter(1, reference).setParameter(2, clock.instant().atOffset(ZoneOffset.UTC)).executeUpdate();
    }

    /** Checkouts whose webhook is due for a delivery attempt, oldest first. */
    @SuppressWarnings("unchecked")
    public List<String> dueWebhooks(int limit) {
        return em.createNativeQuery("SELECT reference FROM sandbox_checkouts WHERE webhook_next_at <= ?1 "
                        + "ORDER BY webhook_next_at LIMIT ?2")
                .setParameter(1, clock.instant().atOffset(ZoneOffset.UTC)).setParameter(2, limit).getResultList();
    }

    /**
     * Claims the checkout's webhook delivery attempt if one is due: it is counted and the next one scheduled after
     * an exponential back-off (none after SANDBOX_WEBHOOK_RETRY_FOR) before anything is sent, so that instances
     * never send it at once and a crash mid-way loses no delivery.
     */
    @Transactional
    public boolean claimDelivery(String reference) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT webhook_attempts, updated_at FROM sandbox_checkouts "
                        + "WHERE reference = ?1 AND webhook_next_at <= ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, reference).setParameter(2, clock.instant().atOffset(ZoneOffset.UTC)).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        int attempts = ((Number) rows.get(0)[0]).intValue() + 1;
        Instant decided = instant(rows.get(0)[1]);
        Instant next = clock.instant().plus(backoff(attempts));
        em.createNativeQuery("UPDATE sandbox_checkouts SET webhook_attempts = ?2, webhook_next_at = ?3 WHERE reference = ?1")
                .setParameter(1, reference).setParameter(2, attempts)
                .setParameter(3, next.isAfter(decided.plus(retryFor)) ? null : next.atOffset(ZoneOffset.UTC))
                .executeUpdate();
        return true;
    }

    /** The webhook was acknowledged: no more deliveries. */
    @Transactional
    public void delivered(String reference) {
        em.createNativeQuery("UPDATE sandbox_checkouts SET webhook_delivered_at = ?2, webhook_next_at = NULL "
                        + "WHERE reference = ?1")
                .setParameter(1, reference).setParameter(2, clock.instant().atOffset(ZoneOffset.UTC)).executeUpdate();
    }

    /** Waits after the n-th failed attempt: the first retry delay, doubling each time, at most an hour. */
    Duration backoff(int attempts) {
        Duration delay = retryFirst.multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay;
    }

    /**
     * Sends the Stripe-format event announcing the closed checkout, signed now, with the same event id each time;
     * fails (PAYMENT_PROVIDER_ERROR) unless the webhook answers 2xx.
     */
    public void post(String reference) {
        Object[] row = checkout(reference);
        boolean pay = !"DECLINED".equals(row[0]);
        String currency = ((String) row[2]).trim();
        String body = Json.createObjectBuilder()
                .add("id", (String) row[5])
                .add("object", "event")
                .add("type", pay ? "checkout.session.completed" : "checkout.session.async_payment_failed")
                .add("created", instant(row[6]).getEpochSecond())
                .add("data", Json.createObjectBuilder().add("object", Json.createObjectBuilder()
                        .add("id", reference)
                        .add("object", "checkout.session")
                        .add("payment_status", pay ? "paid" : "unpaid")
                        .add("amount_total", ProviderMoney.iso(currency).toMinorUnits((BigDecimal) row[1]))
                        .add("currency", currency.toLowerCase(Locale.ROOT))
                        .add("metadata", Json.createObjectBuilder().add("payment_id", row[3].toString()))))
                .build().toString();
        long signedAt = clock.instant().getEpochSecond();
        String signature = "t=" + signedAt + ",v1=" + Signatures.hmacHex("HmacSHA256", secret(),
                (signedAt + ".").getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create((String) row[4])).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Stripe-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new ApiException(ErrorCode.PAYMENT_PROVIDER_ERROR, "The webhook answered " + response.statusCode());
            }
        } catch (java.io.IOException e) {
            throw new ApiException(ErrorCode.PAYMENT_PROVIDER_ERROR, "The webhook could not be delivered");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.PAYMENT_PROVIDER_ERROR, "Interrupted");
        }
    }


    private Object[] checkout(String reference) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT state, amount, currency, payment_id, webhook_url, webhook_event_id, updated_at FROM sandbox_checkouts "
                + "WHERE reference = ?1").setParameter(1, reference).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("Checkout");
        }
        return rows.get(0);
    }

    public boolean isEnabled() {
        return enabled;
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new ApiException(ErrorCode.PAYMENT_PROVIDER_NOT_CONFIGURED, "The sandbox provider is disabled");
        }
    }

    /** SANDBOX_WEBHOOK_SECRET, or one derived from the token signing key so that no default secret exists. */
    String secret() {
        return configuredSecret.orElseGet(() -> {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                        ("eventix sandbox webhooks|" + HexFormat.of().formatHex(
                                SigningKeys.get().keyPair().getPrivate().getEncoded())).getBytes(StandardCharsets.UTF_8));
                return "whsec_" + HexFormat.of().formatHex(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private StripeProvider verifier() {
        StripeProvider v = verifier;
        if (v == null) {
            v = new StripeProvider("http://sandbox.invalid", "unused", secret(), Duration.ofSeconds(5));
            verifier = v;
        }
        return v;
    }
}
