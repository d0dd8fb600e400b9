package com.eventix.platform.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.TreeMap;

/** Bean Validation failures: 400 VALIDATION_FAILED with one message per offending field. */
@Provider
public class ValidationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
        Map<String, Object> fields = new TreeMap<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            fields.merge(fieldName(violation.getPropertyPath()), violation.getMessage(), (a, b) -> a + "; " + b);
        }
        return Responses.error(ErrorCode.VALIDATION_FAILED, "Request validation failed", fields);
    }

    /** "register.arg0.email" names the field "email"; a violation on the whole body names it "body". */
    static String fieldName(Path path) {
        String last = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case PROPERTY, CONTAINER_ELEMENT -> last = node.getName();
                case PARAMETER -> last = "body";
                default -> { }
            }
        }
        return last == null ? "body" : last;
    }
}
