package com.eventix.payments.control.providers;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.logging.Logger;

/**
 * The HTTP side shared by the provider adapters: timeouts, bearer authentication, JSON answers, and every failure
 * turned into PAYMENT_PROVIDER_ERROR. Exception messages name the provider, the operation and the HTTP status; the
 * log adds what the adapter's error summary picks from the answer, with anything shaped like a key masked.
 */
final class ProviderHttp {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final Logger LOG = Logger.getLogger(ProviderHttp.class.getName());
    private static final Pattern KEY_LIKE = Pattern.compile("\\b(sk|rk|pk|whsec)_[A-Za-z0-9_*]+");

    private final String provider;
    private final Duration requestTimeout;
    private final Function<JsonObject, String> errorSummary;
    /** HTTP/1.1: a plain-http endpoint (a provider's emulator) gets no h2c upgrade, which some never answer. */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();

    /**
     * @param errorSummary picks from a provider's error answer what helps an operator (codes rather than messages
     *                     where the provider has them) for the log
     */
    ProviderHttp(String provider, Duration requestTimeout, Function<JsonObject, String> errorSummary) {
        this.provider = provider;
        this.requestTimeout = requestTimeout;
        this.errorSummary = errorSummary;
    }

    HttpRequest.Builder request(String baseUrl, String path, String secretKey) {
        return HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/+$", "") + path))
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + secretKey)
                .header("Accept", "application/json");
    }

    /** Sends the request and answers the JSON body of a 2xx answer. */
    JsonObject send(HttpRequest request, String operation) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            LOG.warning(() -> provider + " " + operation + ": no answer in time");
            throw failure(provider + " did not answer in time", Map.of());
        } catch (IOException e) {
            LOG.warning(() -> provider + " " + operation + ": unreachable (" + e.getClass().getSimpleName() + ")");
            throw failure(provider + " is unreachable", Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("Interrupted while calling " + provider, Map.of());
        }
        int status = response.statusCode();
        JsonObject body = parseOrNull(response.body());
        if (status / 100 != 2) {
            String requestId = response.headers().firstValue("request-id").map(id -> ", request " + id).orElse("");
            LOG.warning(() -> provider + " " + operation + ": HTTP " + status + summary(body) + requestId);
            throw failure(provider + " refused the " + operation + " (HTTP " + status + ")",
                    Map.of("providerStatus", status));
        }
        if (body == null) {
            LOG.warning(() -> provider + " " + operation + ": HTTP " + status + " without a JSON object");
            throw unexpectedAnswer(operation);
        }
        return body;
    }

    /** Reads an answer; a field missing or of the wrong shape is the provider's failure, not the caller's. */
    <T> T read(JsonObject answer, String operation, Function<JsonObject, T> reader) {
        try {
            return reader.apply(answer);
        } catch (JsonException e) {
            LOG.warning(() -> provider + " " + operation + ": unexpected answer (" + e.getMessage() + ")");
            throw unexpectedAnswer(operation);
        }
    }

    ApiException unexpectedAnswer(String operation) {
        return failure(provider + " gave an unexpected answer to the " + operation, Map.of());
    }

    private ApiException failure(String message, Map<String, Object> details) {
        Map<String, Object> all = new LinkedHashMap<>(details);
        all.put("provider", provider.toLowerCase(Locale.ROOT));
        return new ApiException(ErrorCode.PAYMENT_PROVIDER_ERROR, message, Map.copyOf(all));
    }

    private String summary(JsonObject body) {
        if (body == null) {
            return "";
        }
        try {
            String summary = errorSummary.apply(body);
            if (summary == null || summary.isBlank()) {
                return "";
            }
            summary = KEY_LIKE.matcher(summary).replaceAll("$1_***");
            return " " + (summary.length() > 200 ? summary.substring(0, 200) + "..." : summary);
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static JsonObject parseOrNull(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JsonFields.parse(body);
        } catch (JsonException e) {
            return null;
        }
    }
}
