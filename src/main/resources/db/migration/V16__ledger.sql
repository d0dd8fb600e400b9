-- The money ledger: what happened to money, per event and currency, in minor units, signed from the organizer's
-- side (captured +, refunded -, platform and provider fees -, a fee returned +, payouts -). Rows are only ever
-- added: every balance is a sum over them, so no counter can drift. entry_key names what wrote a row (a capture of
-- a payment for an event, a refund, ...), so writing it again changes nothing.
CREATE TABLE ledger_entries (
    id           uuid PRIMARY KEY,
    entry_key    varchar(200) NOT NULL,
    event_id     uuid NOT NULL REFERENCES events (id),
    currency     char(3) NOT NULL,
    kind         varchar(24) NOT NULL
        CHECK (kind IN ('CAPTURED', 'REFUNDED', 'PLATFORM_FEE', 'PROVIDER_FEE', 'DISPUTED', 'DISPUTE_REVERSED', 'PAYOUT')),
    amount_minor bigint NOT NULL CHECK (amount_minor <> 0),
    payment_id   uuid REFERENCES payments (id),
    refund_id    uuid,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ledger_entries_entry_key UNIQUE (entry_key),
    CONSTRAINT ledger_entries_sign CHECK (
        (kind = 'CAPTURED' AND amount_minor > 0) OR (kind = 'REFUNDED' AND amount_minor < 0)
        OR (kind = 'PAYOUT' AND amount_minor < 0) OR (kind = 'PROVIDER_FEE' AND amount_minor < 0)
        OR kind IN ('PLATFORM_FEE', 'DISPUTED', 'DISPUTE_REVERSED'))
);
CREATE INDEX ledger_entries_event_idx ON ledger_entries (event_id, currency);
CREATE INDEX ledger_entries_payment_idx ON ledger_entries (payment_id);

CREATE FUNCTION ledger_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger_entries is append-only: add a correcting entry instead';
END
$$;
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only();
