package com.eventix.platform.observability;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundTimeout;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Around every timeout of a {@link TimerRun} bean: a span, and the run's start for the lag metric. */
@TimerRun
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class TimerRunInterceptor {
    @Inject
    Tracing tracing;
    @Inject
    TimerRuns runs;

    @AroundTimeout
    public Object aroundTimeout(InvocationContext context) throws Exception {
        String timer = context.getMethod().getDeclaringClass().getSimpleName();
        runs.started(timer);
        return tracing.timerRun(timer, context::proceed);
    }
}
