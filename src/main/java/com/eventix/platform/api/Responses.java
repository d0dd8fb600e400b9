package com.eventix.platform.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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

    public static Response created(URI location, Object data) {
        return Response.created(location).entity(ApiResponse.ok(data, "Created")).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    public static Response error(ErrorCode code, String message, Map<String, Object> details) {
        return error(code.status(), code, message, details);
    }

    public static Response error(int status, ErrorCode code, String message, Map<String, Object> details) {
        return Response.status(status)
                .entity(ApiResponse.failure(new ApiError(code, message, details == null ? Map.of() : details)))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
