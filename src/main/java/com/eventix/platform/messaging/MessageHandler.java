package com.eventix.platform.messaging;

/**
 * Consumes one queue. Implementations are CDI beans; {@link QueueWorkers} finds them and feeds each from its
 * queue. A message may arrive more than once: handlers apply it once, keyed on {@code messageId}. Throwing
 * makes the broker redeliver it later.
 */
public interface MessageHandler {
    /** The JMS property carrying the outbox message id. */
    String MESSAGE_ID = "eventixMessageId";
    /** The JMS property carrying the trace the message was queued in (W3C traceparent). */
    String TRACE_PARENT = "traceparent";

    String queue();

    void handle(String messageId, String payload);
}
