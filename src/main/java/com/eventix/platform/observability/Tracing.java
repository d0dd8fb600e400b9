package com.eventix.platform.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Spans the server does not make by itself (it traces each HTTP request): the handling of a queued message, as a
 * child of the request or job that queued it, and a timer's run. A trace crosses the outbox and the broker as a
 * W3C {@code traceparent} string. With the OpenTelemetry SDK switched off (otel.sdk.disabled) every span is a
 * no-op and no parent is recorded.
 */
@ApplicationScoped
public class Tracing {
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    @Inject
    Tracer tracer;

    /** The current span as a W3C traceparent, or null outside a recorded trace. */
    public String traceparent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.current(), carrier, Map::put);
        return carrier.get("traceparent");
    }

    /** Runs the handling of a message from {@code queue} in a consumer span whose parent is {@code traceparent}. */
    public void consume(String queue, String traceparent, Runnable work) {
        Context parent = traceparent == null ? Context.root()
                : W3C.extract(Context.root(), Map.of("traceparent", traceparent), MAP);
        Span span = tracer.spanBuilder(queue + " process").setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.destination.name", queue).startSpan();
        inSpan(span, () -> {
            work.run();
            return null;
        });
    }

    /** Runs one run of the timer {@code name} in a span of its own. */
    public <T> T timerRun(String name, Callable<T> work) throws Exception {
        Span span = tracer.spanBuilder("timer " + name).setNoParent().setSpanKind(SpanKind.INTERNAL).startSpan();
        return inSpanChecked(span, work);
    }

    private static <T> void inSpan(Span span, Callable<T> work) {
        try {
            inSpanChecked(span, work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T inSpanChecked(Span span, Callable<T> work) throws Exception {
        try (Scope ignored = span.makeCurrent()) {
            return work.call();
        } catch (Exception | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }
}
