-- Payments that wait for the customer (3-D Secure, a PayPal approval): where the customer goes back
-- to, the secret in the hosted page's address, until when the page waits, and how it ended.

ALTER TABLE payments ADD COLUMN return_url VARCHAR(2048);
ALTER TABLE payments ADD COLUMN action_token VARCHAR(64);
ALTER TABLE payments ADD COLUMN action_expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE payments ADD COLUMN authentication_result VARCHAR(16);
