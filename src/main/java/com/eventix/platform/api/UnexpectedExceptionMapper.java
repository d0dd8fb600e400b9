package com.eventix.platform.api;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: unwraps what EJB and transaction layers wrapped around a known failure, and answers
 * anything truly unexpected with a 500 that carries an incident id for the log, never internals.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    ResourceInfo resource;
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException api) {
                return new ApiExceptionMapper().toResponse(api);
            }
            if (t instanceof OptimisticLockException) {
                return Responses.error(ErrorCode.CONCURRENT_MODIFICATION,
                        "Someone else changed this at the same time; reload and try again", Map.of());
            }
            if (t instanceof ConstraintViolationException cve) {
                return new ValidationExceptionMapper().toResponse(cve);
            }
            if (t instanceof WebApplicationException wae && t != e) {
                return WebApplicationExceptionMapper.respond(wae, resource, uri, headers);
            }
            if (t instanceof EJBException ejb && ejb.getCausedByException() != null && ejb.getCausedByException() != t.getCause()) {
                return toResponse(ejb.getCausedByException());
            }
        }
        if (MalformedBodies.isMalformedJson(e)) {
            return MalformedBodies.response();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unhandled failure, incident " + incident, e);
        return Responses.error(ErrorCode.INTERNAL_ERROR, "Internal error", Map.of("incident", incident));
    }
}
