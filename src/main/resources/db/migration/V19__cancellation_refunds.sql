-- A cancelled event refunds every paid order: the cancelling transaction records a run and one row per paid order
-- of the event; every instance's sweep claims rows without a refund (FOR UPDATE SKIP LOCKED) and gives each its
-- refund in the same transaction, so an order gets exactly one, whoever claims it and whatever crashes.
CREATE TABLE cancellation_runs (
    event_id   uuid PRIMARY KEY REFERENCES events (id),
    reason     text NOT NULL,
    started_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cancellation_orders (
    event_id   uuid NOT NULL REFERENCES cancellation_runs (event_id),
    order_id   uuid NOT NULL REFERENCES orders (id),
    -- Set once, when the order is claimed: REFUNDED (refund_id names its refund) or NOTHING_DUE (nothing was left
    -- to refund: refunded before, or its payment was given back whole).
    outcome    varchar(16) CHECK (outcome IN ('REFUNDED', 'NOTHING_DUE')),
    refund_id  uuid UNIQUE REFERENCES refunds (id),
    -- Claims whose transaction failed for this order alone; after a few it is left for an admin (counted as failed).
    failures   integer NOT NULL DEFAULT 0,
    last_error text,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, order_id),
    CHECK ((outcome = 'REFUNDED') = (refund_id IS NOT NULL))
);
CREATE INDEX cancellation_orders_due_idx ON cancellation_orders (event_id, order_id) WHERE outcome IS NULL;

-- A refund the provider refused is asked again (with a new provider key: the refused one is spent) after a
-- back-off, a few times, before it ends FAILED for an admin.
ALTER TABLE refunds
    ADD COLUMN refusals        integer NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at timestamptz;

-- The sandbox refuses this many refund requests of a checkout before it accepts one (as a closed card would):
-- set by hand to see refusals, retries and the admin's list without a real provider.
ALTER TABLE sandbox_checkouts ADD COLUMN refunds_to_refuse integer NOT NULL DEFAULT 0;
