package com.eventix.platform.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Builds enveloped JAX-RS responses so resources stay one-liners. */
public final class Responses {
    private Responses() {
    }

    public static Response ok(Object data) {
        return Response.ok(ApiResponse.ok(data), MediaType.APPLICATION_JSON_TYPE).build();
    }

    public static Response ok(Object data, String message) {
        return Response.ok(ApiResponse.ok(data, message), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * The success envelope around data that is already JSON text (a cached page), written as it is: the same bytes
     * as {@link #ok(Object)} would produce, without parsing and serializing the data again.
     */
    public static Response okJson(String dataJson) {
        String body = "{\"success\":true,\"data\":" + dataJson + ",\"message\":\"Operation successful\",\"timestamp\":\""
                + Instant.now().truncatedTo(ChronoUnit.MILLIS) + "\"}";
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
    }

    public static Response created(URI location, Object data) {
        return Response.created(location).entity(ApiResponse.ok(data, "Created")).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    public static Response error(ErrorCode code, String message, Map<String, Object> details) {
        return error(code.status(), code, message, details);
    }

    /** What to tell a client about a status the container or JAX-RS raised without a message of ours. */
    public static String describe(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Authentication required: send a valid access token";
            case 403 -> "You are not allowed to do this";
            case 404 -> "No such resource";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable: this resource answers application/json";
            case 413 -> "Request body too large";
            case 415 -> "Unsupported media type: send application/json";
            default -> status >= 500 ? "Internal error" : "Request failed";
        };
    }

    public static Response error(int status, ErrorCode code, String message, Map<String, Object> details) {
        return Response.status(status)
                .entity(ApiResponse.failure(new ApiError(code, message, details == null ? Map.of() : details)))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
