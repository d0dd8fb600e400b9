-- An idempotency key is claimed before its request runs (no response yet) and completed after, so that the
-- request itself may span several transactions and calls to payment providers.
ALTER TABLE idempotency_keys ALTER COLUMN response_status DROP NOT NULL;
ALTER TABLE idempotency_keys ALTER COLUMN response_body DROP NOT NULL;
