-- Money columns keep each amount exactly as its currency writes it: up to 3 decimals (KWD, BHD, JOD, OMR, TND,
-- IQD, LYD). numeric(12, 2) silently rounded 1.005 KWD to 1.01. Unconstrained numeric keeps the scale an amount
-- was written with (12.50 EUR stays 12.50, 1.005 KWD stays 1.005); the checks bound the scale and size instead.
ALTER TABLE ticket_tiers ALTER COLUMN price TYPE numeric;
ALTER TABLE ticket_tiers ADD CONSTRAINT ticket_tiers_price_money CHECK (price = round(price, 3) AND price < 1e11);
ALTER TABLE events ALTER COLUMN min_price TYPE numeric;
ALTER TABLE events ALTER COLUMN max_price TYPE numeric;
ALTER TABLE events ADD CONSTRAINT events_price_range_money
    CHECK (min_price = round(min_price, 3) AND max_price = round(max_price, 3) AND max_price < 1e11);
ALTER TABLE reservations ALTER COLUMN unit_price TYPE numeric;
ALTER TABLE reservations ADD CONSTRAINT reservations_unit_price_money
    CHECK (unit_price = round(unit_price, 3) AND unit_price < 1e11);
ALTER TABLE order_items ALTER COLUMN unit_price TYPE numeric;
ALTER TABLE order_items ADD CONSTRAINT order_items_unit_price_money
    CHECK (unit_price = round(unit_price, 3) AND unit_price < 1e11);
ALTER TABLE orders ALTER COLUMN total_amount TYPE numeric;
ALTER TABLE orders ADD CONSTRAINT orders_total_amount_money
    CHECK (total_amount = round(total_amount, 3) AND total_amount < 1e14);
ALTER TABLE payments ALTER COLUMN amount TYPE numeric;
ALTER TABLE payments ADD CONSTRAINT payments_amount_money CHECK (amount = round(amount, 3) AND amount < 1e14);
ALTER TABLE sandbox_checkouts ALTER COLUMN amount TYPE numeric;
ALTER TABLE sandbox_checkouts ADD CONSTRAINT sandbox_checkouts_amount_money
    CHECK (amount = round(amount, 3) AND amount < 1e14);

-- Outbox dead letters: a message that fails OUTBOX_MAX_ATTEMPTS times (sending it, or handling it) is set aside
-- with its last error for an operator, instead of blocking or being retried forever. A failed one waits until
-- next_attempt_at, so the messages behind it go first.
ALTER TABLE outbox_messages ADD COLUMN last_error text;
ALTER TABLE outbox_messages ADD COLUMN next_attempt_at timestamptz;
ALTER TABLE outbox_messages ADD COLUMN dead_at timestamptz;
DROP INDEX outbox_unpublished_idx;
CREATE INDEX outbox_pending_idx ON outbox_messages (created_at) WHERE published_at IS NULL AND dead_at IS NULL;
CREATE INDEX outbox_published_idx ON outbox_messages (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX outbox_dead_idx ON outbox_messages (dead_at) WHERE dead_at IS NOT NULL;

-- This database's identity, drawn once: the default namespace of everything Eventix keeps in Redis, so that two
-- deployments sharing one Redis never read each other's entries.
CREATE TABLE deployment (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    singleton  boolean NOT NULL DEFAULT true UNIQUE CHECK (singleton),
    created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO deployment DEFAULT VALUES;

-- Retention sweeps delete by age.
CREATE INDEX oauth_login_attempts_expires_idx ON oauth_login_attempts (expires_at);
CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at);
CREATE INDEX webhook_events_received_idx ON webhook_events (received_at);
