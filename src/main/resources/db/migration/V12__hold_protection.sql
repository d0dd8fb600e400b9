-- A hold whose order has a payment in flight is kept protected_seconds past its expiry (set by payments through
-- booking's API, cleared when that payment ends unpaid), so hold expiry no longer needs to read the payments table.
ALTER TABLE reservations ADD COLUMN protected_seconds bigint CHECK (protected_seconds >= 0);

-- Holds of payments already in flight when this runs keep the protection they had (PAYMENT_GRACE's default).
UPDATE reservations r SET protected_seconds = 900
WHERE r.status = 'ACTIVE' AND EXISTS (
    SELECT 1 FROM order_items i JOIN payments p ON p.order_id = i.order_id
    WHERE i.reservation_id = r.id AND p.status IN ('AUTHORIZED', 'PROCESSING'));
