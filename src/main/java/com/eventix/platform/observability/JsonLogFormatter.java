package com.eventix.platform.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per log line: time, level, logger, thread, message, the trace and span it was written in (when
 * there is one) and the exception's stack trace. The trace is read when the line is formatted, which the console
 * handler does on the logging thread itself.
 */
public class JsonLogFormatter extends Formatter {
    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public String format(LogRecord record) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject()
                    .write("timestamp", Instant.ofEpochMilli(record.getMillis()).toString())
                    .write("level", record.getLevel().getName())
                    .write("logger", String.valueOf(record.getLoggerName()))
                    .write("thread", Thread.currentThread().getName())
                    .write("message", String.valueOf(formatMessage(record)));
            SpanContext span = Span.current().getSpanContext();
            if (span.isValid()) {
                json.write("traceId", span.getTraceId()).write("spanId", span.getSpanId());
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                json.write("exception", trace.toString());
            }
            json.writeEnd();
        }
        return out.append(System.lineSeparator()).toString();
    }
}
