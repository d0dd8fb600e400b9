-- Money moved in the providers' own dashboards or by the payer's bank, which Eventix learns from webhooks.

-- A chargeback holds a completed payment's money until the dispute is decided.
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check CHECK (status IN
    ('PENDING', 'AUTHORIZED', 'PROCESSING', 'COMPLETED', 'FAILED', 'REFUNDING', 'REFUNDED', 'DISPUTED'));

-- The charge behind a checkout (Stripe's PaymentIntent), which the provider's dispute events name, and what the
-- provider kept of it as its fee once it said so (entered in the ledger when the payment has its money).
ALTER TABLE payments ADD COLUMN charge_reference varchar(255);
ALTER TABLE payments ADD COLUMN provider_fee numeric CHECK (provider_fee >= 0 AND provider_fee < 1e14);
CREATE INDEX payments_charge_reference_idx ON payments (payment_provider, charge_reference)
    WHERE charge_reference IS NOT NULL;

-- A refund made at the provider, not asked for by Eventix: one row per event of the order, each with its share.
CREATE TABLE provider_refunds (
    id                 uuid PRIMARY KEY,
    refund_key         varchar(300) NOT NULL,
    payment_id         uuid NOT NULL REFERENCES payments (id),
    order_id           uuid NOT NULL REFERENCES orders (id),
    event_id           uuid NOT NULL REFERENCES events (id),
    provider_refund_id varchar(255),
    amount             numeric NOT NULL CHECK (amount > 0 AND amount < 1e14),
    currency           char(3) NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (refund_key, event_id)
);
CREATE INDEX provider_refunds_payment_idx ON provider_refunds (payment_id);
CREATE INDEX provider_refunds_event_idx ON provider_refunds (event_id, currency);

-- A chargeback or an inquiry: its money moves at most once each way, whichever of the provider's events tells it.
CREATE TABLE payment_disputes (
    id                  uuid PRIMARY KEY,
    provider            varchar(32) NOT NULL,
    provider_dispute_id varchar(255) NOT NULL,
    payment_id          uuid NOT NULL REFERENCES payments (id),
    amount              numeric NOT NULL CHECK (amount >= 0 AND amount < 1e14),
    currency            char(3) NOT NULL,
    status              varchar(16) NOT NULL CHECK (status IN ('INQUIRY', 'OPEN', 'WON', 'LOST')),
    reason              varchar(255),
    funds_withdrawn     boolean NOT NULL DEFAULT false,
    funds_reinstated    boolean NOT NULL DEFAULT false,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    UNIQUE (provider, provider_dispute_id)
);
CREATE INDEX payment_disputes_payment_idx ON payment_disputes (payment_id);
