-- A hold whose order has a payment in flight is kept past its expiry until protected_until (set by payments
-- through booking's API), so hold expiry no longer needs to read the payments table.
ALTER TABLE reservations ADD COLUMN protected_until timestamptz;
