package com.eventix.platform.idempotency;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The Idempotency-Key contract of POSTs that create money or tickets: the same key and body answer the first
 * response again; the same key with another body is 422; a duplicate arriving while the first is still running
 * is 409. The stored response commits in the same transaction as the work it describes, so a failed request
 * leaves nothing behind and may be retried with the same key.
 */
@ApplicationScoped
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final int MAX_KEY_LENGTH = 255;

    @PersistenceContext(unitName = "eventix")
    EntityManager em;

    /** Runs {@code action} once per (user, scope, key); without a key, simply runs it. */
    @Transactional
    public Response once(UUID userId, String scope, String key, Object request, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Invalid Idempotency-Key",
                    Map.of(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters"));
        }
        Boolean mine = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, userId + "|" + scope + "|" + key).getSingleResult();
        if (!Boolean.TRUE.equals(mine)) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_REQUEST_IN_PROGRESS,
                    "A request with this Idempotency-Key is still being processed");
        }
        String hash = sha256(JSON.toJson(request));
        @SuppressWarnings("unchecked")
        List<Object[]> stored = em.createNativeQuery("SELECT request_hash, response_status, response_body "
                        + "FROM idempotency_keys WHERE user_id = ?1 AND scope = ?2 AND idempotency_key = ?3")
                .setParameter(1, userId).setParameter(2, scope).setParameter(3, key).getResultList();
        if (!stored.isEmpty()) {
            Object[] row = stored.get(0);
            if (!hash.equals(row[0])) {
                throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was used with a different request");
            }
            try (JsonReader reader = Json.createReader(new StringReader((String) row[2]))) {
                return Response.status(((Number) row[1]).intValue()).entity(reader.readValue())
                        .type(MediaType.APPLICATION_JSON_TYPE).header("Idempotent-Replayed", "true").build();
            }
        }
        Response response = action.get();
        em.createNativeQuery("INSERT INTO idempotency_keys (user_id, scope, idempotency_key, request_hash, "
                        + "response_status, response_body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, userId).setParameter(2, scope).setParameter(3, key).setParameter(4, hash)
                .setParameter(5, response.getStatus()).setParameter(6, JSON.toJson(response.getEntity()))
                .executeUpdate();
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
