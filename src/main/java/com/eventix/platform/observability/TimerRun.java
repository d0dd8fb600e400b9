package com.eventix.platform.observability;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a timer bean: each run of its timeout method is traced and its start recorded for the timer lag metric
 * ({@link TimerRuns}); the timer is named by its class.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TimerRun {
}
