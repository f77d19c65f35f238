package dev.paygate.payments.boundary;

import dev.paygate.payments.entity.Payment;

/** A payment as its hosted page shows it to the customer, with the name of the merchant being paid. */
public record HostedPayment(Payment payment, String merchantName) {}
