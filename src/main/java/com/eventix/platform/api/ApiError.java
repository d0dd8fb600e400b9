package com.eventix.platform.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The error part of a failed response: a stable code, a human message and structured details. */
@Schema(name = "Error")
public record ApiError(ErrorCode code, String message, Map<String, Object> details) {
}
