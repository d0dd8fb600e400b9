-- Ticket transfers: an owner offers a ticket to an email address; the account with that (verified) address accepts
-- or declines, the sender may cancel, and the offer expires. On acceptance the ticket changes owner and gets a new
-- code of the next version, which makes every older code of the ticket void.

-- When the ticket's code version last changed (its first code: when it was issued). Check-in reads the versions
-- changed since a moment to tell scanners which older codes are revoked.
ALTER TABLE tickets ADD COLUMN code_changed_at timestamptz;
UPDATE tickets SET code_changed_at = created_at;
ALTER TABLE tickets ALTER COLUMN code_changed_at SET NOT NULL;
ALTER TABLE tickets ALTER COLUMN code_changed_at SET DEFAULT now();
ALTER TABLE tickets ADD CONSTRAINT tickets_code_version_positive CHECK (code_version >= 1);
-- Re-issued codes of an event, by when they changed (only transferred tickets have a version above 1).
CREATE INDEX tickets_event_reissued_idx ON tickets (event_id, code_changed_at) WHERE code_version > 1;

CREATE TABLE ticket_transfers (
    id                uuid PRIMARY KEY,
    ticket_id         uuid NOT NULL REFERENCES tickets (id),
    event_id          uuid NOT NULL REFERENCES events (id),
    sender_id         uuid NOT NULL REFERENCES users (id),
    recipient_email   varchar(320) NOT NULL CHECK (recipient_email = lower(recipient_email)),
    -- The account that accepted or declined the offer.
    recipient_id      uuid REFERENCES users (id),
    status            varchar(16) NOT NULL
        CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'EXPIRED')),
    -- The code version the ticket had when offered, and the one it got on acceptance.
    from_code_version integer NOT NULL,
    to_code_version   integer,
    expires_at        timestamptz NOT NULL,
    created_at        timestamptz NOT NULL,
    ended_at          timestamptz,
    CONSTRAINT ticket_transfers_ended CHECK ((status = 'PENDING') = (ended_at IS NULL)),
    CONSTRAINT ticket_transfers_accepted CHECK ((status = 'ACCEPTED') = (to_code_version IS NOT NULL)
        AND (status <> 'ACCEPTED' OR (recipient_id IS NOT NULL AND to_code_version = from_code_version + 1)))
);
-- One open offer per ticket, whatever the concurrency.
CREATE UNIQUE INDEX ticket_transfers_one_pending_idx ON ticket_transfers (ticket_id) WHERE status = 'PENDING';
CREATE INDEX ticket_transfers_ticket_idx ON ticket_transfers (ticket_id, created_at);
CREATE INDEX ticket_transfers_recipient_pending_idx ON ticket_transfers (recipient_email, created_at DESC)
    WHERE status = 'PENDING';
CREATE INDEX ticket_transfers_sender_pending_idx ON ticket_transfers (sender_id, created_at DESC)
    WHERE status = 'PENDING';
