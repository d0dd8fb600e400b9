-- Each event's refund policy, set by its organizer and shown on the event page: NONE (the default), AUTOMATIC
-- (a request is refunded at once) or APPROVAL (the organizer decides); requests are taken until
-- refund_deadline_hours before the start; the fee kept per ticket is refund_fee_percent of its price plus
-- refund_fee_fixed, never more than the price.
ALTER TABLE events
    ADD COLUMN refund_mode varchar(16) NOT NULL DEFAULT 'NONE'
        CHECK (refund_mode IN ('NONE', 'AUTOMATIC', 'APPROVAL')),
    ADD COLUMN refund_deadline_hours integer NOT NULL DEFAULT 0
        CHECK (refund_deadline_hours >= 0 AND refund_deadline_hours <= 8760),
    ADD COLUMN refund_fee_percent numeric NOT NULL DEFAULT 0
        CHECK (refund_fee_percent >= 0 AND refund_fee_percent <= 100 AND refund_fee_percent = round(refund_fee_percent, 2)),
    ADD COLUMN refund_fee_fixed numeric NOT NULL DEFAULT 0
        CHECK (refund_fee_fixed >= 0 AND refund_fee_fixed = round(refund_fee_fixed, 3) AND refund_fee_fixed < 1e11);
