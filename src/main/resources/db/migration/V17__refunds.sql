-- Buyers' refunds: each one its own record for the tickets of one event of one order, with its own amount (the
-- tickets' prices less the policy's fee), state and provider idempotency key ("refund-<id>"). An order that got
-- some of its money back is PARTIALLY_REFUNDED.
ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN
    ('PENDING', 'PAID', 'CANCELLED', 'EXPIRED', 'REFUND_REQUESTED', 'PARTIALLY_REFUNDED', 'REFUNDED'));

CREATE TABLE refunds (
    id                 uuid PRIMARY KEY,
    order_id           uuid NOT NULL REFERENCES orders (id),
    payment_id         uuid NOT NULL REFERENCES payments (id),
    event_id           uuid NOT NULL REFERENCES events (id),
    requested_by       uuid NOT NULL REFERENCES users (id),
    amount             numeric NOT NULL CHECK (amount >= 0 AND amount = round(amount, 3) AND amount < 1e14),
    fee                numeric NOT NULL CHECK (fee >= 0 AND fee = round(fee, 3) AND fee < 1e14),
    currency           char(3) NOT NULL,
    status             varchar(16) NOT NULL
        CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'PROCESSING', 'SUCCEEDED', 'FAILED')),
    reason             text NOT NULL,
    automatic          boolean NOT NULL,
    decided_by         uuid REFERENCES users (id),
    decision_reason    text,
    decided_at         timestamptz,
    provider_refund_id varchar(255),
    failure_reason     text,
    version            bigint NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refunds_order_idx ON refunds (order_id);
CREATE INDEX refunds_event_status_idx ON refunds (event_id, status, created_at);
-- Approved refunds not yet acknowledged by their provider: asked for again after a crash or an outage.
CREATE INDEX refunds_unsent_idx ON refunds (updated_at)
    WHERE status IN ('APPROVED', 'PROCESSING') AND provider_refund_id IS NULL;

CREATE TABLE refund_tickets (
    refund_id uuid NOT NULL REFERENCES refunds (id),
    ticket_id uuid NOT NULL REFERENCES tickets (id),
    amount    numeric NOT NULL CHECK (amount >= 0),
    fee       numeric NOT NULL CHECK (fee >= 0),
    PRIMARY KEY (refund_id, ticket_id)
);
CREATE INDEX refund_tickets_ticket_idx ON refund_tickets (ticket_id);
