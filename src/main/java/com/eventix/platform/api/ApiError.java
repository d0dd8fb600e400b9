package com.eventix.platform.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The error part of a failed response: a stable code, a human message and structured details. */
@Schema(name = "Error")
public record ApiError(@Schema(required = true) ErrorCode code,
                       @Schema(required = true, example = "Ticket tier sold out") String message,
                       @Schema(required = true, description = "What the code is about, e.g. one entry per invalid "
                               + "field for VALIDATION_FAILED; empty when there is nothing to add")
                       Map<String, Object> details) {
}
