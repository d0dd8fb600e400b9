package com.eventix.platform.api;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Recognises a request body that is not the JSON it should be, however deep the cause sits. */
final class MalformedBodies {
    private MalformedBodies() {
    }

    static boolean isMalformedJson(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonException) {
                return true;
            }
        }
        return false;
    }

    /** An empty body where one is required. */
    static boolean isMissing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NoContentException) {
                return true;
            }
        }
        return false;
    }

    static Response response() {
        return Responses.error(ErrorCode.MALFORMED_JSON, "Request body is not valid JSON for this operation", Map.of());
    }
}
