-- The last four characters of the IBAN a bank transfer came from; never the whole IBAN.
ALTER TABLE payments ADD COLUMN iban_last4 VARCHAR(4);
