-- Why the acquirer refused a refund (refund status FAILED); its amount is refundable again.
ALTER TABLE refunds ADD COLUMN failure_reason VARCHAR(64);
