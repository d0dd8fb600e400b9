package com.eventix.payments.control.providers;

import com.eventix.payments.control.providers.PaymentStatus.State;
import com.eventix.payments.control.providers.WebhookEvent.ReferenceKind;
import com.eventix.payments.control.providers.WebhookEvent.Type;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stripe through its HTTP API (form-encoded requests, JSON answers) and Checkout Sessions: the payer pays on
 * Stripe's hosted page. The provider reference is the Checkout Session id.
 *
 * <p>Creating a session sends "order id:payment id" as Idempotency-Key, so a repeated call for one payment attempt
 * answers the same session instead of creating a second charge. Stripe keeps a key's first answer for 24 hours,
 * errors included, and refuses the key with other parameters: a new attempt on the same order (after the first
 * could not be created) therefore needs its own key.
 */
@ApplicationScoped
public class StripeProvider implements PaymentProvider {
    static final String NAME = "stripe";
    static final Duration SIGNATURE_TOLERANCE = Duration.ofSeconds(300);

    /** Stripe's zero-decimal currencies: the API amount is the amount itself (some differ from ISO, e.g. MGA). */
    private static final Set<String> ZERO_DECIMAL = Set.of("BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA",
            "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF");
    /** Stripe takes these in thousandths but requires the last digit to be 0. */
    private static final Set<String> THREE_DECIMAL = Set.of("BHD", "JOD", "KWD", "OMR", "TND");

    @Inject
    @ConfigProperty(name = "STRIPE_API_BASE")
    String apiBase;
    @Inject
    @ConfigProperty(name = "STRIPE_SECRET_KEY")
    Optional<String> secretKey;
    @Inject
    @ConfigProperty(name = "STRIPE_WEBHOOK_SECRET")
    Optional<String> webhookSecret;

    private ProviderHttp http = new ProviderHttp("Stripe", ProviderHttp.REQUEST_TIMEOUT, StripeProvider::errorSummary);

    public StripeProvider() {
    }

    StripeProvider(String apiBase, String secretKey, String webhookSecret, Duration requestTimeout) {
        this.apiBase = apiBase;
        this.secretKey = Optional.ofNullable(secretKey);
        this.webhookSecret = Optional.ofNullable(webhookSecret);
        this.http = new ProviderHttp("Stripe", requestTimeout, StripeProvider::errorSummary);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** How Stripe writes amounts of a currency (see its list of zero-decimal currencies and special cases). */
    static ProviderMoney money(String currencyCode) {
        String code = ProviderMoney.currency(currencyCode).getCurrencyCode();
        if (ZERO_DECIMAL.contains(code)) {
            return ProviderMoney.of(code, 0, 0);
        }
        if (THREE_DECIMAL.contains(code)) {
            return ProviderMoney.of(code, 3, 2);
        }
        if (code.equals("ISK")) {
            // Two decimals in the API for backwards compatibility, but only whole krona are accepted.
            return ProviderMoney.of(code, 2, 0);
        }
        return ProviderMoney.iso(code);
    }

    @Override
    public Checkout startCheckout(CheckoutRequest request) {
        String key = requireSecretKey();
        ProviderMoney money = money(request.currency());
        long unitAmount = money.toMinorUnits(request.amount());
        String paymentId = request.paymentId().toString();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mode", "payment");
        form.put("line_items[0][price_data][currency]", money.currencyCode().toLowerCase(Locale.ROOT));
        form.put("line_items[0][price_data][unit_amount]", Long.toString(unitAmount));
        form.put("line_items[0][price_data][product_data][name]", request.description());
        form.put("line_items[0][quantity]", "1");
        form.put("success_url", request.successUrl());
        form.put("cancel_url", request.cancelUrl());
        form.put("customer_email", request.customerEmail());
        form.put("client_reference_id", request.orderId().toString());
        form.put("metadata[payment_id]", paymentId);
        // Set on the PaymentIntent too: charge and refund events carry the intent's metadata, not the session's.
        form.put("payment_intent_data[metadata][payment_id]", paymentId);
        HttpRequest post = http.request(apiBase, "/v1/checkout/sessions", key)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Idempotency-Key", request.orderId() + ":" + request.paymentId())
                .POST(HttpRequest.BodyPublishers.ofString(form(form)))
                .build();
        JsonObject session = http.send(post, "checkout creation");
        return http.read(session, "checkout creation",
                s -> new Checkout(JsonFields.string(s, "id"), JsonFields.string(s, "url")));
    }

    /** Stripe's expire call; it refuses a session that is no longer open (paid, or expired already). */
    @Override
    public Closure closeCheckout(String providerReference) {
        String key = requireSecretKey();
        HttpRequest post = http.request(apiBase, "/v1/checkout/sessions/" + encode(providerReference) + "/expire", key)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        http.send(post, "checkout expiry");
        return Closure.CLOSED;
    }

    @Override
    public PaymentStatus status(String providerReference) {
        JsonObject session = session(providerReference, "status query");
        return http.read(session, "status query", s -> {
            JsonObject intent = JsonFields.optionalObject(s, "payment_intent");
            State state = sessionState(JsonFields.optionalString(s, "status"),
                    JsonFields.optionalString(s, "payment_status"),
                    JsonFields.optionalString(intent, "status"));
            String currency = JsonFields.optionalString(s, "currency");
            BigDecimal amount = currency == null || JsonFields.optionalString(s, "amount_total") == null
                    ? null
                    : money(currency).fromMinorUnits(JsonFields.wholeNumber(s, "amount_total"));
            return new PaymentStatus(JsonFields.string(s, "id"), state, amount,
                    currency == null ? null : currency.toUpperCase(Locale.ROOT), paymentIntentId(s));
        });
    }

    /**
     * Session {@code status} open/complete/expired and {@code payment_status} paid/unpaid/no_payment_required, plus
     * the PaymentIntent's status for a completed session whose asynchronous payment (e.g. a bank debit) is still
     * unpaid: back at requires_payment_method or canceled, that payment failed.
     */
    static State sessionState(String status, String paymentStatus, String intentStatus) {
        if ("paid".equals(paymentStatus) || "no_payment_required".equals(paymentStatus)) {
            return State.SUCCEEDED;
        }
        if ("expired".equals(status)) {
            return State.FAILED;
        }
        if ("complete".equals(status)
                && ("requires_payment_method".equals(intentStatus) || "canceled".equals(intentStatus))) {
            return State.FAILED;
        }
        return State.PENDING;
    }

    /** Refunds through the session's PaymentIntent; Stripe applies {@code idempotencyKey} to the refund. */
    @Override
    public Refund refund(String providerReference, BigDecimal amount, String currency, String idempotencyKey) {
        String key = requireSecretKey();
        ProviderMoney money = money(currency);
        long minorUnits = money.toMinorUnits(amount);
        JsonObject session = session(providerReference, "refund");
        String sessionCurrency = http.read(session, "refund", s -> JsonFields.string(s, "currency"));
        if (!sessionCurrency.equalsIgnoreCase(money.currencyCode())) {
            throw new ApiException(ErrorCode.INVALID_CURRENCY, "The refund currency differs from the payment's",
                    Map.of("currency", money.currencyCode(),
                            "paymentCurrency", sessionCurrency.toUpperCase(Locale.ROOT)));
        }
        String intentId = paymentIntentId(session);
        if (intentId == null) {
            throw new ApiException(ErrorCode.CONFLICT, "Nothing to refund: the Stripe session has no payment");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("payment_intent", intentId);
        form.put("amount", Long.toString(minorUnits));
        String paymentId = JsonFields.optionalString(JsonFields.optionalObject(session, "metadata"), "payment_id");
        if (paymentId != null) {
            form.put("metadata[payment_id]", paymentId);
        }
        HttpRequest post = http.request(apiBase, "/v1/refunds", key)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(form(form)))
                .build();
        JsonObject refund = http.send(post, "refund");
        return http.read(refund, "refund", r -> new Refund(JsonFields.string(r, "id"),
                refundState(JsonFields.string(r, "status"))));
    }

    /**
     * A transfer to a connected account (Stripe Connect). Idempotency-Key "payout:" + key, and the key as
     * transfer_group, which is how {@link #findTransfer} finds it again after the 24 hours Stripe keeps its keys.
     * A transfer Stripe accepts is final on the platform's side (it can only be reversed later).
     */
    @Override
    public Transfer transfer(TransferRequest request) {
        String key = requireSecretKey();
        ProviderMoney money = money(request.currency());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("amount", Long.toString(money.toMinorUnits(request.amount())));
        form.put("currency", money.currencyCode().toLowerCase(Locale.ROOT));
        form.put("destination", request.destination());
        form.put("transfer_group", request.key());
        form.put("description", request.description());
        form.put("metadata[payout_id]", request.key());
        HttpRequest post = http.request(apiBase, "/v1/transfers", key)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Idempotency-Key", "payout:" + request.key())
                .POST(HttpRequest.BodyPublishers.ofString(form(form)))
                .build();
        JsonObject transfer = http.send(post, "transfer");
        return http.read(transfer, "transfer", t -> new Transfer(JsonFields.string(t, "id"), Transfer.State.SUCCEEDED));
    }

    @Override
    public Optional<Transfer> findTransfer(String transferKey) {
        String key = requireSecretKey();
        HttpRequest get = http.request(apiBase, "/v1/transfers?limit=1&transfer_group=" + encode(transferKey), key)
                .GET().build();
        return http.read(http.send(get, "transfer lookup"), "transfer lookup", list -> list.getJsonArray("data")
                .getValuesAs(JsonObject.class).stream().findFirst()
                .map(t -> new Transfer(JsonFields.string(t, "id"), Transfer.State.SUCCEEDED)));
    }

    /** The balance transaction of a charge: its fee, when it is in the charge's currency. */
    @Override
    public Optional<BigDecimal> fee(String balanceTransaction, String currency) {
        String key = requireSecretKey();
        HttpRequest get = http.request(apiBase, "/v1/balance_transactions/" + encode(balanceTransaction), key)
                .GET().build();
        return http.read(http.send(get, "fee query"), "fee query", txn -> {
            String feeCurrency = JsonFields.string(txn, "currency");
            if (!feeCurrency.equalsIgnoreCase(currency)) {
                // Settled in another currency: the fee cannot be told exactly in the payment's.
                return Optional.empty();
            }
            return Optional.of(money(feeCurrency).fromMinorUnits(JsonFields.wholeNumber(txn, "fee")));
        });
    }

    /** Refund status succeeded, pending, requires_action, failed or canceled. */
    static Refund.State refundState(String status) {
        return switch (status) {
            case "succeeded" -> Refund.State.SUCCEEDED;
            case "failed", "canceled" -> Refund.State.FAILED;
            default -> Refund.State.PENDING;
        };
    }

    /**
     * Stripe's scheme: {@code Stripe-Signature: t=<unix time>,v1=<hex>[,v1=<hex>...]}, each v1 a hex HMAC-SHA256 keyed
     * with the endpoint's signing secret over {@code t + "." + body}. Any v1 may match (Stripe sends several while a
     * secret is being rolled); a timestamp more than 300 s from now is refused, so a captured delivery cannot be
     * replayed later.
     */
    @Override
    public WebhookEvent verifyWebhook(byte[] rawBody, Map<String, String> headers, Instant now) {
        String secret = webhookSecret.filter(s -> !s.isBlank()).orElseThrow(
                () -> notConfigured("Stripe webhooks are not configured"));
        String header = Signatures.header(headers, "Stripe-Signature")
                .orElseThrow(() -> Signatures.rejected("no Stripe-Signature header"));
        String timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String element : header.split(",")) {
            int eq = element.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = element.substring(0, eq).trim();
            String value = element.substring(eq + 1).trim();
            if (name.equals("t")) {
                timestamp = value;
            } else if (name.equals("v1")) {
                signatures.add(value);
            }
        }
        if (timestamp == null || !timestamp.matches("\\d{1,18}") || signatures.isEmpty()) {
            throw Signatures.rejected("malformed Stripe-Signature header");
        }
        String expected = Signatures.hmacHex("HmacSHA256", secret,
                (timestamp + ".").getBytes(StandardCharsets.UTF_8), rawBody);
        boolean matched = false;
        for (String signature : signatures) {
            matched |= Signatures.sameHex(expected, signature);
        }
        if (!matched) {
            throw Signatures.rejected("signature does not match");
        }
        if (Math.abs(now.getEpochSecond() - Long.parseLong(timestamp)) > SIGNATURE_TOLERANCE.toSeconds()) {
            throw Signatures.rejected("timestamp outside the tolerance");
        }
        try {
            return event(JsonFields.parse(rawBody));
        } catch (JsonException e) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "The Stripe event cannot be read");
        }
    }

    private static WebhookEvent event(JsonObject event) {
        String id = JsonFields.string(event, "id");
        String type = JsonFields.string(event, "type");
        Instant occurredAt = Instant.ofEpochSecond(JsonFields.wholeNumber(event, "created"));
        JsonObject object = JsonFields.object(JsonFields.object(event, "data"), "object");
        return switch (type) {
            case "checkout.session.completed" -> {
                String paymentStatus = JsonFields.optionalString(object, "payment_status");
                // Completed with an asynchronous method still unpaid: the async_payment_* event decides later.
                yield "paid".equals(paymentStatus) || "no_payment_required".equals(paymentStatus)
                        ? sessionEvent(id, Type.PAYMENT_SUCCEEDED, object, occurredAt)
                        : WebhookEvent.other(id, occurredAt);
            }
            case "checkout.session.async_payment_succeeded" ->
                    sessionEvent(id, Type.PAYMENT_SUCCEEDED, object, occurredAt);
            case "checkout.session.async_payment_failed", "checkout.session.expired" ->
                    sessionEvent(id, Type.PAYMENT_FAILED, object, occurredAt);
            case "charge.refunded" -> {
                String currency = JsonFields.string(object, "currency");
                yield new WebhookEvent(id, Type.REFUNDED_TOTAL, JsonFields.string(object, "payment_intent"),
                        ReferenceKind.PAYMENT_INTENT, metadataPaymentId(object),
                        money(currency).fromMinorUnits(JsonFields.wholeNumber(object, "amount_refunded")),
                        currency.toUpperCase(Locale.ROOT), occurredAt, JsonFields.optionalString(object, "id"), null,
                        null);
            }
            case "charge.succeeded", "charge.updated" -> {
                // The fee is in the charge's balance transaction, named here once Stripe has made it.
                String settlement = JsonFields.optionalString(object, "balance_transaction");
                String currency = JsonFields.string(object, "currency");
                yield settlement == null ? WebhookEvent.other(id, occurredAt)
                        : new WebhookEvent(id, Type.FEE_REPORTED, JsonFields.string(object, "payment_intent"),
                        ReferenceKind.PAYMENT_INTENT, metadataPaymentId(object),
                        money(currency).fromMinorUnits(JsonFields.wholeNumber(object, "amount")),
                        currency.toUpperCase(Locale.ROOT), occurredAt, settlement, null, null);
            }
            case "charge.dispute.created", "charge.dispute.updated", "charge.dispute.closed",
                 "charge.dispute.funds_withdrawn", "charge.dispute.funds_reinstated" ->
                    disputeEvent(id, type, object, occurredAt);
            default -> WebhookEvent.other(id, occurredAt);
        };
    }

    /**
     * A dispute event. Stripe takes a chargeback's money when it opens (an inquiry, "warning_*", takes none until
     * it becomes a chargeback: funds_withdrawn) and gives it back when it is won (funds_reinstated, and closed with
     * status won): each of those says so, and the receiver moves the money once per dispute whichever arrives.
     */
    private static WebhookEvent disputeEvent(String id, String type, JsonObject dispute, Instant occurredAt) {
        String currency = JsonFields.string(dispute, "currency");
        String stripeStatus = JsonFields.string(dispute, "status");
        WebhookEvent.Dispute.Status status = switch (stripeStatus) {
            case "needs_response", "under_review" -> WebhookEvent.Dispute.Status.OPEN;
            case "won" -> WebhookEvent.Dispute.Status.WON;
            case "lost" -> WebhookEvent.Dispute.Status.LOST;
            default -> WebhookEvent.Dispute.Status.INQUIRY; // warning_*, prevented: no money moved
        };
        WebhookEvent.Dispute.FundsMove move = switch (type) {
            case "charge.dispute.funds_withdrawn" -> WebhookEvent.Dispute.FundsMove.WITHDRAWN;
            case "charge.dispute.funds_reinstated" -> WebhookEvent.Dispute.FundsMove.REINSTATED;
            case "charge.dispute.created" -> status == WebhookEvent.Dispute.Status.OPEN
                    ? WebhookEvent.Dispute.FundsMove.WITHDRAWN : WebhookEvent.Dispute.FundsMove.NONE;
            case "charge.dispute.closed" -> status == WebhookEvent.Dispute.Status.WON
                    ? WebhookEvent.Dispute.FundsMove.REINSTATED : WebhookEvent.Dispute.FundsMove.NONE;
            default -> WebhookEvent.Dispute.FundsMove.NONE;
        };
        return new WebhookEvent(id, Type.DISPUTE, JsonFields.string(dispute, "payment_intent"),
                ReferenceKind.PAYMENT_INTENT, null,
                money(currency).fromMinorUnits(JsonFields.wholeNumber(dispute, "amount")),
                currency.toUpperCase(Locale.ROOT), occurredAt, JsonFields.string(dispute, "id"),
                new WebhookEvent.Dispute(status, move, JsonFields.optionalString(dispute, "reason")), null);
    }

    private static WebhookEvent sessionEvent(String id, Type type, JsonObject session, Instant occurredAt) {
        String currency = JsonFields.string(session, "currency");
        return WebhookEvent.payment(id, type, JsonFields.string(session, "id"), ReferenceKind.CHECKOUT,
                metadataPaymentId(session),
                money(currency).fromMinorUnits(JsonFields.wholeNumber(session, "amount_total")),
                currency.toUpperCase(Locale.ROOT), occurredAt, paymentIntentId(session), null);
    }

    private static UUID metadataPaymentId(JsonObject object) {
        return JsonFields.uuidOrNull(JsonFields.optionalString(JsonFields.optionalObject(object, "metadata"),
                "payment_id"));
    }

    /** The session with its PaymentIntent expanded (status needs the intent's state, refunds its id). */
    private JsonObject session(String sessionId, String operation) {
        String key = requireSecretKey();
        HttpRequest get = http.request(apiBase, "/v1/checkout/sessions/" + encode(sessionId)
                + "?" + encode("expand[]") + "=payment_intent", key).GET().build();
        return http.send(get, operation);
    }

    /** The session's PaymentIntent id, whether the field holds the id or the expanded object; null before payment. */
    private static String paymentIntentId(JsonObject session) {
        JsonValue intent = session.get("payment_intent");
        if (intent instanceof JsonString id) {
            return id.getString();
        }
        if (intent instanceof JsonObject object) {
            return JsonFields.optionalString(object, "id");
        }
        return null;
    }

    private String requireSecretKey() {
        return secretKey.filter(s -> !s.isBlank()).orElseThrow(() -> notConfigured("Stripe is not configured"));
    }

    private static ApiException notConfigured(String message) {
        return new ApiException(ErrorCode.PAYMENT_PROVIDER_NOT_CONFIGURED, message, Map.of("provider", NAME));
    }

    /** Stripe's error object: type, code and decline code identify the failure without its free-text message. */
    private static String errorSummary(JsonObject body) {
        JsonObject error = JsonFields.optionalObject(body, "error");
        return Stream.of("type", "code", "decline_code")
                .map(field -> JsonFields.optionalString(error, field))
                .filter(Objects::nonNull)
                .collect(Collectors.joining("/"));
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
