package com.eventix.platform.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The response envelope every endpoint answers with (specification: "Response Format" / "Error Format"). The
 * OpenAPI document names it per payload (UserResponse, EventResponse, ...) and ErrorEnvelope for failures.
 */
@JsonbPropertyOrder({"success", "data", "message", "error", "timestamp"})
public record ApiResponse<T>(
        boolean success,
        T data,
        String message,
        ApiError error,
        Instant timestamp) {

    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(true, data, "Operation successful", null, now());
    }

    public static <T> ApiResponse<T> ok(T data, String message) {
        return new ApiResponse<>(true, data, message, null, now());
    }

    public static ApiResponse<Void> failure(ApiError error) {
        return new ApiResponse<>(false, null, null, error, now());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
