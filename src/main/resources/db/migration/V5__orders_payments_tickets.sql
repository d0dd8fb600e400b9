-- Orders pay for holds; payments are attempts with a provider; tickets are issued when a payment completes.

CREATE TABLE order_items (
    id             uuid PRIMARY KEY,
    order_id       uuid NOT NULL REFERENCES orders (id),
    reservation_id uuid NOT NULL REFERENCES reservations (id),
    event_id       uuid NOT NULL REFERENCES events (id),
    tier_id        uuid NOT NULL REFERENCES ticket_tiers (id),
    quantity       integer NOT NULL CHECK (quantity >= 1),
    unit_price     numeric(12, 2) NOT NULL CHECK (unit_price >= 0),
    -- A hold is paid for by one order at most.
    CONSTRAINT order_items_reservation_key UNIQUE (reservation_id)
);
CREATE INDEX order_items_order_idx ON order_items (order_id);

ALTER TABLE orders ADD COLUMN version bigint NOT NULL DEFAULT 0;

ALTER TABLE payments ADD COLUMN payment_url varchar(2000);
ALTER TABLE payments ADD COLUMN failure_reason text;
ALTER TABLE payments ADD COLUMN version bigint NOT NULL DEFAULT 0;

ALTER TABLE tickets ADD COLUMN event_id uuid REFERENCES events (id);
ALTER TABLE tickets ADD COLUMN code_version integer NOT NULL DEFAULT 1;
CREATE INDEX tickets_event_idx ON tickets (event_id);

-- Provider webhooks already applied, so that a repeated delivery changes nothing.
CREATE TABLE webhook_events (
    provider          varchar(32) NOT NULL,
    provider_event_id varchar(255) NOT NULL,
    received_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, provider_event_id)
);

-- The built-in sandbox provider's own record of its checkouts (what a real provider keeps on its side).
CREATE TABLE sandbox_checkouts (
    reference   varchar(64) PRIMARY KEY,
    payment_id  uuid NOT NULL,
    order_id    uuid NOT NULL,
    amount      numeric(12, 2) NOT NULL,
    currency    char(3) NOT NULL,
    state       varchar(16) NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'PAID', 'DECLINED', 'REFUNDED')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
