package com.eventix.platform.idempotency;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import com.eventix.platform.api.Responses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The Idempotency-Key contract of POSTs that create money or tickets: the same key and body answer the first
 * response again; the same key with another body is 422; a duplicate arriving while the first still runs is
 * 409. The key is claimed before the request runs and its response stored after, so the request may span
 * several transactions and provider calls. A request that fails frees its key for a retry, unless its failure
 * kept effects (see {@link ApiException#keepingEffects}): that failure is then the key's answer.
 */
@ApplicationScoped
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final int MAX_KEY_LENGTH = 255;

    @Inject
    IdempotencyStore store;
    @Inject
    Clock clock;

    /** Runs {@code action} once per (user, scope, key); without a key, simply runs it. */
    public Response once(UUID userId, String scope, String key, Object request, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Invalid Idempotency-Key",
                    Map.of(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters"));
        }
        String hash = sha256(JSON.toJson(request));
        IdempotencyStore.Claim claim = store.claim(userId, scope, key, hash, clock.instant());
        if (!claim.requestHash().equals(hash)) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used with a different request");
        }
        switch (claim.outcome()) {
            case IN_PROGRESS -> throw new ApiException(ErrorCode.IDEMPOTENCY_REQUEST_IN_PROGRESS,
                    "A request with this Idempotency-Key is still being processed");
            case DONE -> {
                try (JsonReader reader = Json.createReader(new StringReader(claim.body()))) {
                    return Response.status(claim.status()).entity(reader.readValue())
                            .type(MediaType.APPLICATION_JSON_TYPE).header("Idempotent-Replayed", "true").build();
                }
            }
            default -> { }
        }
        Response response;
        try {
            response = action.get();
        } catch (ApiException e) {
            if (!e.effectsKept()) {
                store.release(userId, scope, key);
                throw e;
            }
            response = Responses.error(e.code(), e.getMessage(), e.details());
        } catch (RuntimeException e) {
            store.release(userId, scope, key);
            throw e;
        }
        store.complete(userId, scope, key, response.getStatus(), JSON.toJson(response.getEntity()));
        return response;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
