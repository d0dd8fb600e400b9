-- Payouts: organizers' money leaves the platform. An organizer names where it goes (a Stripe Connect account or a
-- Paystack transfer recipient); once an event is COMPLETED and PAYOUT_DELAY has passed, what the ledger owes for it
-- (less a reserve kept for late refunds for PAYOUT_RESERVE_PERIOD) becomes a payout, written with its ledger entry
-- in one transaction and sent to the provider from the payouts queue. A payout's id is its key at the provider, so
-- sending it again never pays twice.
CREATE TABLE payout_accounts (
    organizer_id uuid PRIMARY KEY REFERENCES organizers (id),
    provider     varchar(16) NOT NULL CHECK (provider IN ('stripe', 'paystack', 'sandbox')),
    destination  varchar(100) NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- An admin's hold on an organizer's payouts: none is created or sent while it stands.
CREATE TABLE payout_holds (
    organizer_id uuid PRIMARY KEY REFERENCES organizers (id),
    reason       text NOT NULL,
    held_by      uuid NOT NULL REFERENCES users (id),
    held_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE payouts (
    id                   uuid PRIMARY KEY,
    organizer_id         uuid NOT NULL REFERENCES organizers (id),
    event_id             uuid NOT NULL REFERENCES events (id),
    currency             char(3) NOT NULL,
    amount_minor         bigint NOT NULL CHECK (amount_minor > 0),
    provider             varchar(16) NOT NULL,
    destination          varchar(100) NOT NULL,
    status               varchar(16) NOT NULL CHECK (status IN ('SCHEDULED', 'SENDING', 'PAID', 'FAILED')),
    attempts             integer NOT NULL DEFAULT 0,
    next_attempt_at      timestamptz,
    provider_transfer_id varchar(100),
    last_error           varchar(500),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    paid_at              timestamptz
);
CREATE INDEX payouts_organizer_idx ON payouts (organizer_id, created_at DESC);
CREATE INDEX payouts_event_idx ON payouts (event_id, currency);
CREATE INDEX payouts_due_idx ON payouts (next_attempt_at) WHERE status IN ('SCHEDULED', 'SENDING');

-- A payout that could not be made gives its money back to the balance with a correcting entry.
ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_kind_check;
ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_kind_check CHECK (kind IN ('CAPTURED', 'REFUNDED',
    'PLATFORM_FEE', 'PROVIDER_FEE', 'DISPUTED', 'DISPUTE_REVERSED', 'PAYOUT', 'PAYOUT_RETURNED'));
ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_sign;
ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_sign CHECK (
    (kind = 'CAPTURED' AND amount_minor > 0) OR (kind = 'REFUNDED' AND amount_minor < 0)
    OR (kind = 'PAYOUT' AND amount_minor < 0) OR (kind = 'PAYOUT_RETURNED' AND amount_minor > 0)
    OR (kind = 'PROVIDER_FEE' AND amount_minor < 0)
    OR kind IN ('PLATFORM_FEE', 'DISPUTED', 'DISPUTE_REVERSED'));
ALTER TABLE ledger_entries ADD COLUMN payout_id uuid;
