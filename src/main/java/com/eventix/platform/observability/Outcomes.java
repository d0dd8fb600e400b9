package com.eventix.platform.observability;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Counts the answers of an endpoint as a business metric, {@code eventix_<value>_total{outcome}}: "success" for a
 * 2xx answer, else the error code it answered with (TICKET_NOT_AVAILABLE, ALREADY_CHECKED_IN, ...). Counted once
 * the answer is decided, so a rolled-back attempt counts as what the client saw.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Outcomes {
    /** The metric's name after "eventix_", e.g. "holds". */
    String value();
}
