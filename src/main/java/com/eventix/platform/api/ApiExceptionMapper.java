package com.eventix.platform.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Domain failures: their code decides the status. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {
    @Override
    public Response toResponse(ApiException e) {
        Response response = Responses.error(e.code(), e.getMessage(), e.details());
        if (e instanceof RetryLaterException later) {
            return Response.fromResponse(response).header("Retry-After", later.retryAfterSeconds()).build();
        }
        return response;
    }
}
