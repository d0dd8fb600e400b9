-- The trace a message was queued in (W3C traceparent), so that its handling continues that trace.
ALTER TABLE outbox_messages ADD COLUMN trace_parent varchar(55);
