-- Payments authorised now and captured later (capture_method MANUAL): how much was captured, until
-- when an authorisation may be, and why a payment was cancelled.

ALTER TABLE payments ADD COLUMN capture_method VARCHAR(16) DEFAULT 'AUTOMATIC' NOT NULL;
ALTER TABLE payments ADD COLUMN amount_captured NUMERIC(19, 4);
ALTER TABLE payments ADD COLUMN capture_before TIMESTAMP WITH TIME ZONE;
ALTER TABLE payments ADD COLUMN cancellation_reason VARCHAR(32);

-- Before this version every completed payment took its whole amount.
UPDATE payments SET amount_captured = amount WHERE status IN ('COMPLETED', 'REFUNDED');
