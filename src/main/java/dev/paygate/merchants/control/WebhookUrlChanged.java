package dev.paygate.merchants.control;

/**
 * A merchant's {@code webhook_url} was set, changed or (null) removed; fired inside the changing
 * transaction, so its observers change what depends on it in the same one.
 */
public record WebhookUrlChanged(String merchantId, String url) {}
