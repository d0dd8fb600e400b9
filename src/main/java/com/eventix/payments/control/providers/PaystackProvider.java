package com.eventix.payments.control.providers;

import com.eventix.payments.control.providers.PaymentStatus.State;
import com.eventix.payments.control.providers.WebhookEvent.ReferenceKind;
import com.eventix.payments.control.providers.WebhookEvent.Type;
import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Paystack through its HTTP API (JSON both ways) and its hosted payment page. The transaction reference is
 * Eventix's payment id, so it is the provider reference and Paystack refuses a second transaction for one payment.
 *
 * <p>Paystack has no idempotency keys, so {@link #refund} first looks for a refund of the transaction that was
 * already asked for with the same key (a retry after a timeout or a crash) and answers that one instead of refunding
 * twice; the key goes along as the merchant note, which is how it is found again, so several partial refunds of one
 * transaction each stay their own. Paystack cannot close an initialized transaction either: a payer may
 * pay late, and Eventix then honours or refunds the payment.
 */
@ApplicationScoped
public class PaystackProvider implements PaymentProvider {
    static final String NAME = "paystack";

    /** The currencies Eventix takes through Paystack, all in hundredths (kobo, pesewas, cents). */
    private static final Set<String> CURRENCIES = Set.of("NGN", "GHS", "ZAR", "KES", "USD");

    @Inject
    @ConfigProperty(name = "PAYSTACK_API_BASE")
    String apiBase;
    @Inject
    @ConfigProperty(name = "PAYSTACK_SECRET_KEY")
    Optional<String> secretKey;

    private ProviderHttp http = new ProviderHttp("Paystack", ProviderHttp.REQUEST_TIMEOUT,
            PaystackProvider::errorSummary);

    public PaystackProvider() {
    }

    PaystackProvider(String apiBase, String secretKey, Duration requestTimeout) {
        this.apiBase = apiBase;
        this.secretKey = Optional.ofNullable(secretKey);
        this.http = new ProviderHttp("Paystack", requestTimeout, PaystackProvider::errorSummary);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** How Paystack writes amounts of a currency: in its subunit; INVALID_CURRENCY for one Eventix doesn't take. */
    static ProviderMoney money(String currencyCode) {
        String code = ProviderMoney.currency(currencyCode).getCurrencyCode();
        if (!CURRENCIES.contains(code)) {
            throw new ApiException(ErrorCode.INVALID_CURRENCY, "Paystack payments are not taken in this currency",
                    Map.of("currency", code, "provider", NAME, "supported", CURRENCIES.stream().sorted().toList()));
        }
        return ProviderMoney.of(code, 2, 2);
    }

    @Override
    public Checkout startCheckout(CheckoutRequest request) {
        String key = requireSecretKey();
        ProviderMoney money = money(request.currency());
        long amount = money.toMinorUnits(request.amount());
        String reference = request.paymentId().toString();
        JsonObject body = Json.createObjectBuilder()
                .add("email", request.customerEmail())
                .add("amount", amount)
                .add("currency", money.currencyCode())
                .add("reference", reference)
                .add("callback_url", request.successUrl())
                .add("metadata", Json.createObjectBuilder()
                        .add("payment_id", reference)
                        .add("order_id", request.orderId().toString())
                        // Paystack's hosted page sends the payer here when they cancel.
                        .add("cancel_action", request.cancelUrl()))
                .build();
        JsonObject answer = http.send(postJson("/transaction/initialize", key, body), "transaction initialization");
        return http.read(answer, "transaction initialization", a -> {
            JsonObject data = data(a);
            return new Checkout(JsonFields.string(data, "reference"), JsonFields.string(data, "authorization_url"));
        });
    }

    @Override
    public Closure closeCheckout(String providerReference) {
        return Closure.UNSUPPORTED;
    }

    @Override
    public PaymentStatus status(String providerReference) {
        String key = requireSecretKey();
        HttpRequest get = http.request(apiBase, "/transaction/verify/" + encode(providerReference), key).GET().build();
        JsonObject answer = http.send(get, "transaction verification");
        return http.read(answer, "transaction verification", a -> {
            JsonObject data = data(a);
            ProviderMoney money = money(JsonFields.string(data, "currency"));
            return new PaymentStatus(JsonFields.string(data, "reference"),
                    transactionState(JsonFields.string(data, "status")),
                    money.fromMinorUnits(JsonFields.wholeNumber(data, "amount")), money.currencyCode());
        });
    }

    /**
     * Paystack's transaction statuses. "abandoned" is where every transaction starts until the payer completes it,
     * so it is pending (the payer may still pay), like ongoing, pending, processing and queued; "reversed" means the
     * money went back (refund or chargeback), so the payment did not succeed.
     */
    static State transactionState(String status) {
        return switch (status) {
            case "success" -> State.SUCCEEDED;
            case "failed", "reversed" -> State.FAILED;
            default -> State.PENDING;
        };
    }

    @Override
    public Refund refund(String providerReference, BigDecimal amount, String currency, String idempotencyKey) {
        String key = requireSecretKey();
        ProviderMoney money = money(currency);
        JsonObject body = Json.createObjectBuilder()
                .add("transaction", providerReference)
                .add("amount", money.toMinorUnits(amount))
                .add("currency", money.currencyCode())
                .add("merchant_note", "Eventix refund " + idempotencyKey)
                .build();
        Optional<Refund> earlier = earlierRefund(key, providerReference, "Eventix refund " + idempotencyKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        JsonObject answer = http.send(postJson("/refund", key, body), "refund");
        return http.read(answer, "refund", a -> {
            JsonObject data = data(a);
            return new Refund(JsonFields.string(data, "id"), refundState(JsonFields.string(data, "status")));
        });
    }

    /**
     * A refund of the transaction asked for before with this merchant note and not failed: the transaction's id
     * comes from verifying its reference, then Paystack's refund list is filtered by that id.
     */
    private Optional<Refund> earlierRefund(String key, String providerReference, String merchantNote) {
        HttpRequest verify = http.request(apiBase, "/transaction/verify/" + encode(providerReference), key).GET().build();
        long transactionId = http.read(http.send(verify, "transaction verification"), "transaction verification",
                a -> JsonFields.wholeNumber(data(a), "id"));
        HttpRequest list = http.request(apiBase, "/refund?transaction=" + transactionId, key).GET().build();
        return http.read(http.send(list, "refund lookup"), "refund lookup", a -> {
            if (!a.getBoolean("status", false)) {
                throw new JsonException("status is not true");
            }
            return a.getJsonArray("data").getValuesAs(JsonObject.class).stream()
                    .filter(r -> merchantNote.equals(JsonFields.optionalString(r, "merchant_note")))
                    .map(r -> new Refund(JsonFields.string(r, "id"), refundState(JsonFields.string(r, "status"))))
                    .filter(r -> r.state() != Refund.State.FAILED)
                    .findFirst();
        });
    }

    /**
     * A transfer from the Paystack balance to a transfer recipient. The key is the transfer's reference, which
     * Paystack refuses to use twice, and by which {@link #findTransfer} verifies it.
     */
    @Override
    public Transfer transfer(TransferRequest request) {
        String key = requireSecretKey();
        ProviderMoney money = money(request.currency());
        JsonObject body = Json.createObjectBuilder()
                .add("source", "balance")
                .add("amount", money.toMinorUnits(request.amount()))
                .add("currency", money.currencyCode())
                .add("recipient", request.destination())
                .add("reference", request.key())
                .add("reason", request.description())
                .build();
        JsonObject answer = http.send(postJson("/transfer", key, body), "transfer");
        return http.read(answer, "transfer", a -> transferOf(data(a)));
    }

    /** The transfer with this reference; none when Paystack answers 404 (it never saw it). */
    @Override
    public Optional<Transfer> findTransfer(String reference) {
        String key = requireSecretKey();
        HttpRequest verify = http.request(apiBase, "/transfer/verify/" + encode(reference), key).GET().build();
        JsonObject answer;
        try {
            answer = http.send(verify, "transfer verification");
        } catch (ApiException e) {
            if (Integer.valueOf(404).equals(e.details().get("providerStatus"))) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(http.read(answer, "transfer verification", a -> transferOf(data(a))));
    }

    /** Transfer statuses success, pending, otp, received, failed, reversed, abandoned, blocked, rejected. */
    private static Transfer transferOf(JsonObject data) {
        String status = JsonFields.string(data, "status");
        Transfer.State state = switch (status) {
            case "success" -> Transfer.State.SUCCEEDED;
            case "failed", "reversed", "abandoned", "blocked", "rejected" -> Transfer.State.FAILED;
            default -> Transfer.State.PENDING;
        };
        return new Transfer(JsonFields.string(data, "transfer_code"), state);
    }

    /** Refund statuses pending, processing, needs-attention, processed and failed. */
    static Refund.State refundState(String status) {
        return switch (status) {
            case "processed" -> Refund.State.SUCCEEDED;
            case "failed" -> Refund.State.FAILED;
            default -> Refund.State.PENDING;
        };
    }

    /**
     * Paystack's scheme: {@code x-paystack-signature} is the hex HMAC-SHA512 of the raw body keyed with the secret
     * key. It carries no timestamp, so replays are caught only by deduplicating on the event id.
     *
     * <p>Paystack events have no id of their own. The event id is {@code "<event>:<data.id>"} (the transaction's id
     * for charge events, the refund's for refund events), or {@code "<event>:ref:<data.refund_reference>"} for a
     * refund event without an id, or else {@code "<event>:sha256:<hex of the body>"}: the same on every redelivery,
     * since Paystack resends the same body.
     */
    @Override
    public WebhookEvent verifyWebhook(byte[] rawBody, Map<String, String> headers, Instant now) {
        String key = requireSecretKey();
        String signature = Signatures.header(headers, "x-paystack-signature")
                .orElseThrow(() -> Signatures.rejected("no x-paystack-signature header"));
        if (!Signatures.sameHex(Signatures.hmacHex("HmacSHA512", key, rawBody), signature)) {
            throw Signatures.rejected("signature does not match");
        }
        try {
            return event(JsonFields.parse(rawBody), rawBody, now);
        } catch (JsonException e) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "The Paystack event cannot be read");
        }
    }

    private static WebhookEvent event(JsonObject event, byte[] rawBody, Instant now) {
        String type = JsonFields.string(event, "event");
        JsonObject data = JsonFields.object(event, "data");
        String id = type + ":" + dataId(data, rawBody);
        Type mapped = switch (type) {
            case "charge.success" -> Type.PAYMENT_SUCCEEDED;
            case "charge.failed" -> Type.PAYMENT_FAILED;
            case "refund.processed" -> Type.REFUND_SUCCEEDED;
            default -> Type.OTHER;
        };
        String currency = JsonFields.optionalString(data, "currency");
        if (mapped == Type.OTHER || currency == null || !CURRENCIES.contains(currency.toUpperCase(Locale.ROOT))) {
            // Not one Eventix acts on, or in a currency Eventix never charges through Paystack: not its payment.
            return WebhookEvent.other(id, now);
        }
        ProviderMoney money = money(currency);
        BigDecimal amount = money.fromMinorUnits(JsonFields.wholeNumber(data, "amount"));
        JsonObject metadata = metadata(data);
        if (mapped == Type.REFUND_SUCCEEDED) {
            String reference = JsonFields.optionalString(data, "transaction_reference");
            if (reference == null) {
                reference = JsonFields.optionalString(JsonFields.optionalObject(data, "transaction"), "reference");
            }
            if (reference == null) {
                throw new JsonException("refund event without a transaction reference");
            }
            return new WebhookEvent(id, mapped, reference, ReferenceKind.CHECKOUT, paymentId(metadata, reference),
                    amount, money.currencyCode(), occurredAt(data, now), JsonFields.optionalString(data, "id"), null,
                    null);
        }
        String reference = JsonFields.string(data, "reference");
        // A successful charge says what Paystack kept of it ("fees", in minor units).
        BigDecimal fee = mapped == Type.PAYMENT_SUCCEEDED && JsonFields.optionalString(data, "fees") != null
                ? money.fromMinorUnits(JsonFields.wholeNumber(data, "fees")) : null;
        return WebhookEvent.payment(id, mapped, reference, ReferenceKind.CHECKOUT, paymentId(metadata, reference),
                amount, money.currencyCode(), occurredAt(data, now), null, fee);
    }

    private static String dataId(JsonObject data, byte[] rawBody) {
        String id = JsonFields.optionalString(data, "id");
        if (id != null && !id.isBlank()) {
            return id;
        }
        String refundReference = JsonFields.optionalString(data, "refund_reference");
        if (refundReference != null && !refundReference.isBlank()) {
            return "ref:" + refundReference;
        }
        return "sha256:" + sha256Hex(rawBody);
    }

    /** The payment id from the metadata Eventix sent, else the reference itself (which is the payment id). */
    private static UUID paymentId(JsonObject metadata, String reference) {
        UUID fromMetadata = JsonFields.uuidOrNull(JsonFields.optionalString(metadata, "payment_id"));
        return fromMetadata != null ? fromMetadata : JsonFields.uuidOrNull(reference);
    }

    /** Paystack returns metadata as an object, as a JSON string of one, or as 0 or "" when there is none. */
    private static JsonObject metadata(JsonObject data) {
        JsonValue value = data.get("metadata");
        if (value instanceof JsonObject object) {
            return object;
        }
        if (value instanceof JsonString text && text.getString().trim().startsWith("{")) {
            try {
                return JsonFields.parse(text.getString());
            } catch (JsonException e) {
                return null;
            }
        }
        return null;
    }

    private static Instant occurredAt(JsonObject data, Instant now) {
        for (String field : new String[] {"paid_at", "paidAt", "created_at", "createdAt"}) {
            String text = JsonFields.optionalString(data, field);
            if (text != null) {
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException e) {
                    // try the next one
                }
            }
        }
        return now;
    }

    /** Paystack answers {"status": true|false, "message": ..., "data": {...}}. */
    private static JsonObject data(JsonObject answer) {
        if (!answer.getBoolean("status", false)) {
            throw new JsonException("status is not true");
        }
        return JsonFields.object(answer, "data");
    }

    private HttpRequest postJson(String path, String key, JsonObject body) {
        return http.request(apiBase, path, key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    private String requireSecretKey() {
        return secretKey.filter(s -> !s.isBlank()).orElseThrow(() -> new ApiException(
                ErrorCode.PAYMENT_PROVIDER_NOT_CONFIGURED, "Paystack is not configured", Map.of("provider", NAME)));
    }

    /** Paystack's error answers carry only a message, e.g. "Transaction reference not found". */
    private static String errorSummary(JsonObject body) {
        return JsonFields.optionalString(body, "message");
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
