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
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Idempotency-Key contract of POSTs that create money or tickets: the same key and body answer the first
 * response again; the same key with another body is 422; a duplicate arriving while the first still runs is
 * 409. The key is claimed before the request runs and its answer stored with or after its effect. A request that
 * fails frees its key for a retry, unless its failure kept effects (see {@link ApiException#keepingEffects}):
 * that failure is then the key's answer.
 *
 * <p>A server may die while a request runs. A request done in one transaction ({@link #atomically}) stores its
 * answer in that transaction, so its effect never exists without its answer; its claim is free again as soon as
 * the dead transaction is gone. A request spanning several transactions and provider calls ({@link #once}) is
 * in progress for IDEMPOTENCY_LEASE; after that a retry asks its {@link Recovery} for the answer its committed
 * effect implies, or runs it again when it left none.
 */
@ApplicationScoped
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    /** How the API documents the header and the failures it adds to an operation. */
    public static final String DESCRIPTION = "Any text of 1 to 255 characters, new for each request you mean; a "
            + "retry with the same key and body answers what the first request answered";
    public static final String IN_PROGRESS = "IDEMPOTENCY_REQUEST_IN_PROGRESS: the first request with this key is "
            + "still running; retry shortly";
    public static final String REUSED = "IDEMPOTENCY_KEY_REUSED: this key came with another body before";
    private static final Logger LOG = Logger.getLogger(Idempotency.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final int MAX_KEY_LENGTH = 255;
    /**
     * The lease of an atomic request's claim: it covers only the moment between the claim's commit and the request's
     * transaction locking it, which then keeps it in progress however long it runs.
     */
    static final Duration ATOMIC_LEASE = Duration.ofSeconds(10);

    @Inject
    IdempotencyStore store;
    @Inject
    Clock clock;
    /** Longer than any request may take (provider calls included): a claim older than this died with its server. */
    @Inject
    @ConfigProperty(name = "IDEMPOTENCY_LEASE")
    Duration lease;

    /**
     * How to answer a request whose server died before it answered, from what it committed ({@code claimedAt}:
     * when it started); empty when it committed nothing, and it is then run again.
     */
    @FunctionalInterface
    public interface Recovery {
        Optional<Response> answer(Instant claimedAt);
    }

    /** Runs {@code action}, one transaction that must not be open yet, once per (user, scope, key). */
    public Response atomically(UUID userId, String scope, String key, Object request, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        String hash = hash(key, request);
        Optional<Response> earlier = claim(userId, scope, key, hash, ATOMIC_LEASE, claimedAt -> Optional.empty());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return (Response) store.completeAtomically(userId, scope, key, () -> answer(action.get())).response();
        } catch (RuntimeException e) {
            releaseAfter(e, userId, scope, key);
            throw e;
        }
    }

    /** Runs {@code action} once per (user, scope, key); without a key, simply runs it. Same as with no recovery. */
    public Response once(UUID userId, String scope, String key, Object request, Supplier<Response> action) {
        return once(userId, scope, key, request, action, claimedAt -> Optional.empty());
    }

    /** Runs {@code action} once per (user, scope, key); without a key, simply runs it. */
    public Response once(UUID userId, String scope, String key, Object request, Supplier<Response> action,
                         Recovery recovery) {
        if (key == null) {
            return action.get();
        }
        String hash = hash(key, request);
        Optional<Response> earlier = claim(userId, scope, key, hash, lease, recovery);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Response response;
        try {
            response = action.get();
        } catch (ApiException e) {
            if (!e.effectsKept()) {
                releaseAfter(e, userId, scope, key);
                throw e;
            }
            response = Responses.error(e.code(), e.getMessage(), e.details());
        } catch (RuntimeException e) {
            releaseAfter(e, userId, scope, key);
            throw e;
        }
        completeAfter(userId, scope, key, response);
        return response;
    }

    /** The earlier answer for this key, or empty when this request now holds the key and must run. */
    private Optional<Response> claim(UUID userId, String scope, String key, String hash, Duration leaseFor,
                                     Recovery recovery) {
        IdempotencyStore.Claim claim = store.claim(userId, scope, key, hash, clock.instant(), leaseFor);
        if (!claim.requestHash().equals(hash)) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used with a different request");
        }
        return switch (claim.outcome()) {
            case IN_PROGRESS -> throw new ApiException(ErrorCode.IDEMPOTENCY_REQUEST_IN_PROGRESS,
                    "A request with this Idempotency-Key is still being processed");
            case DONE -> Optional.of(replay(claim.status(), claim.body()));
            case ABANDONED -> {
                Optional<Response> recovered = recovery.answer(claim.claimedAt());
                recovered.ifPresent(response -> completeAfter(userId, scope, key, response));
                yield recovered;
            }
            case CLAIMED -> Optional.empty();
        };
    }

    /**
     * Stores the answer of a request whose effects are committed. Failing to store it must not turn that answer
     * into an error: the client would be told "failed" while its hold or order exists. The claim then stays
     * unanswered, and a retry after the lease gets the answer from the request's recovery.
     */
    private void completeAfter(UUID userId, String scope, String key, Response response) {
        try {
            store.complete(userId, scope, key, response.getStatus(), JSON.toJson(response.getEntity()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The answer to idempotent request " + scope + " could not be stored; "
                    + "a retry after the lease recovers it", e);
        }
    }

    /** Frees the key of a failed request; if that fails too, the original failure is still the one reported. */
    private void releaseAfter(RuntimeException failure, UUID userId, String scope, String key) {
        try {
            store.release(userId, scope, key);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static IdempotencyStore.Answer answer(Response response) {
        return new IdempotencyStore.Answer(response.getStatus(), JSON.toJson(response.getEntity()), response);
    }

    private static Response replay(int status, String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return Response.status(status).entity(reader.readValue())
                    .type(MediaType.APPLICATION_JSON_TYPE).header("Idempotent-Replayed", "true").build();
        }
    }

    private static String hash(String key, Object request) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Invalid Idempotency-Key",
                    Map.of(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters"));
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(JSON.toJson(request).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
