-- An admin may take a published or running event off sale and out of the listings (moderation) and put it back;
-- its status moves on with time meanwhile.
ALTER TABLE events
    ADD COLUMN suspended_at      timestamptz,
    ADD COLUMN suspension_reason text;

-- An admin may send a dead outbox message again: its attempts start over, and the count of such requeues keeps its
-- next sendings distinct from the earlier ones for the broker's duplicate detection.
ALTER TABLE outbox_messages ADD COLUMN requeues integer NOT NULL DEFAULT 0;
