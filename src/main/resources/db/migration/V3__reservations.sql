-- Reservations (holds) on tier inventory, and idempotency keys for POSTs that create money or tickets.
--
-- Inventory invariant, per tier, at every commit:
--   available_quantity + (quantity of ACTIVE and ORDERED holds) + (issued tickets) = total_quantity

CREATE TABLE reservations (
    id          uuid PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id),
    event_id    uuid NOT NULL REFERENCES events (id),
    tier_id     uuid NOT NULL REFERENCES ticket_tiers (id),
    quantity    integer NOT NULL CHECK (quantity >= 1),
    unit_price  numeric(12, 2) NOT NULL CHECK (unit_price >= 0),
    currency    char(3) NOT NULL,
    status      varchar(16) NOT NULL DEFAULT 'ACTIVE'
        CHECK (status IN ('ACTIVE', 'RELEASED', 'EXPIRED', 'CONSUMED')),
    expires_at  timestamptz NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
-- The expiry sweep reads due holds in expiry order; per-user limits count a user's active holds per event.
CREATE INDEX reservations_due_idx ON reservations (expires_at) WHERE status = 'ACTIVE';
CREATE INDEX reservations_user_event_idx ON reservations (user_id, event_id) WHERE status = 'ACTIVE';
CREATE INDEX reservations_tier_idx ON reservations (tier_id) WHERE status = 'ACTIVE';

-- A request made with an Idempotency-Key: the same key and body answer the first response again.
CREATE TABLE idempotency_keys (
    user_id         uuid NOT NULL,
    scope           varchar(64) NOT NULL,
    idempotency_key varchar(255) NOT NULL,
    request_hash    char(64) NOT NULL,
    response_status integer NOT NULL,
    response_body   text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, scope, idempotency_key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
