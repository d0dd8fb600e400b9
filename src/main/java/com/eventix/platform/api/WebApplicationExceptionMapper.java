package com.eventix.platform.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.Optional;

/** JAX-RS' own failures (unknown path, wrong method or media type, unreadable body) in the envelope. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Context
    ResourceInfo resource;
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException e) {
        return respond(e, resource, uri, headers);
    }

    static Response respond(WebApplicationException e, ResourceInfo resource, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        var api = ApiException.foundIn(e.getCause());
        if (api.isPresent()) {
            return new ApiExceptionMapper().toResponse(api.get());
        }
        if (status == 400 && MalformedBodies.isMalformedJson(e)) {
            return MalformedBodies.response();
        }
        if (status == 400 && MalformedBodies.isMissing(e)) {
            return Responses.error(ErrorCode.VALIDATION_FAILED, "Request body is required",
                    Map.of("body", "must not be empty"));
        }
        if ((status == 404 && e.getCause() != null) || (status == 400 && parameterName(e).isPresent())) {
            // A path, query or header parameter that cannot be converted (e.g. a malformed UUID) is the client's
            // input error, not a missing resource. The converter's message names Java classes: never echoed.
            return Responses.error(ErrorCode.VALIDATION_FAILED, "A parameter has an invalid value",
                    invalidParameters(e, resource, uri, headers));
        }
        ErrorCode code = ErrorCode.forStatus(status);
        Response response = Responses.error(status, code, Responses.describe(status), Map.of());
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(response).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return response;
    }

    private static Map<String, Object> invalidParameters(WebApplicationException e, ResourceInfo resource, UriInfo uri,
                                                         HttpHeaders headers) {
        try {
            Map<String, Object> problems = ParameterProblems.of(resource == null ? null : resource.getResourceMethod(),
                    new ParameterProblems.Values(name -> uri.getPathParameters().get(name),
                            name -> uri.getQueryParameters().get(name), headers::getRequestHeader));
            if (!problems.isEmpty()) {
                return problems;
            }
        } catch (RuntimeException | LinkageError notAvailable) {
            // No matched method to inspect: fall back to the name JAX-RS reports, below.
        }
        return Map.of(parameterName(e).orElse("parameter"), "has an invalid value");
    }

    /** Jersey's ParamException names the parameter (read reflectively: no compile-time tie to the implementation). */
    private static Optional<String> parameterName(WebApplicationException e) {
        try {
            Object name = e.getClass().getMethod("getParameterName").invoke(e);
            return name instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException notJersey) {
            return Optional.empty();
        }
    }
}
