-- The refund janitor looks for refunds still pending after a while, every few seconds: by status
-- and id (its batches are in id order), so that it reads only the few pending ones, however many
-- refunds have been settled.
CREATE INDEX refunds_status ON refunds (status, id);
