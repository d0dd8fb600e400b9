-- Recovery after a crash or a lost message.

-- An idempotency claim without an answer is in progress until its lease ends; after that its request is known
-- to have died with its server (a request never runs that long), and a retry may finish or repeat it.
ALTER TABLE idempotency_keys ADD COLUMN lease_until timestamptz;

-- The sandbox delivers its webhook like Stripe does: again and again, with back-off, until it is acknowledged
-- or the retry period is over. webhook_next_at is null when nothing is left to deliver.
ALTER TABLE sandbox_checkouts
    ADD COLUMN webhook_url          text,
    ADD COLUMN webhook_event_id     varchar(64),
    ADD COLUMN webhook_attempts     integer NOT NULL DEFAULT 0,
    ADD COLUMN webhook_next_at      timestamptz,
    ADD COLUMN webhook_delivered_at timestamptz;
CREATE INDEX sandbox_checkouts_webhook_due_idx ON sandbox_checkouts (webhook_next_at)
    WHERE webhook_next_at IS NOT NULL;
