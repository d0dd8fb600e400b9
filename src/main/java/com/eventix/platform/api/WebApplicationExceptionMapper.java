package com.eventix.platform.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** JAX-RS' own failures (unknown path, wrong method or media type, unreadable body) in the envelope. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 400 && MalformedBodies.isMalformedJson(e)) {
            return MalformedBodies.response();
        }
        if (status == 400 && MalformedBodies.isMissing(e)) {
            return Responses.error(ErrorCode.VALIDATION_FAILED, "Request body is required",
                    Map.of("body", "must not be empty"));
        }
        if (status == 404 && e.getCause() != null) {
            // A path or query parameter that cannot be converted (e.g. a malformed UUID) is the client's input
            // error, not a missing resource.
            return Responses.error(ErrorCode.VALIDATION_FAILED, "A parameter has an invalid format",
                    Map.of("parameter", String.valueOf(e.getCause().getMessage())));
        }
        ErrorCode code = ErrorCode.forStatus(status);
        Response response = Responses.error(status, code, Responses.describe(status), Map.of());
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(response).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return response;
    }
}
