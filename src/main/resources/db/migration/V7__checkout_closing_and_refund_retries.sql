-- Checkouts are closed at the provider when an order's holds run out, and refunds that never reached the
-- provider (a crash, an outage) are asked for again.

-- The provider's id of the refund, once it accepted one: a REFUNDING payment without it was never acknowledged.
ALTER TABLE payments ADD COLUMN refund_reference varchar(255);
CREATE INDEX payments_refunding_idx ON payments (updated_at) WHERE status = 'REFUNDING';

-- When a payment may next be asked about at its provider (status, closing): instances and successive sweeps
-- leave it alone until then.
ALTER TABLE payments ADD COLUMN next_check_at timestamptz;
CREATE INDEX payments_in_flight_idx ON payments (created_at) WHERE status IN ('AUTHORIZED', 'PROCESSING');

-- Pending orders are few at any time but looked for on every sweep.
CREATE INDEX orders_pending_idx ON orders (created_at) WHERE status = 'PENDING';

-- The sandbox, like Stripe, can expire an unpaid checkout.
ALTER TABLE sandbox_checkouts DROP CONSTRAINT sandbox_checkouts_state_check;
ALTER TABLE sandbox_checkouts ADD CONSTRAINT sandbox_checkouts_state_check
    CHECK (state IN ('OPEN', 'PAID', 'DECLINED', 'REFUNDED', 'EXPIRED'));
