package dev.paygate.payments.boundary;

import dev.paygate.payments.entity.Payment;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The address of a payment's hosted page, which the merchant sends the customer's browser to. It
 * must be absolute, and it is never built from a request's Host header: it is on
 * {@code paygate.public.base.url}, or, without one, on {@code http://localhost:8080}, where the
 * run command serves the gateway. The payment's secret token is part of the path, so the address
 * alone lets the customer answer.
 */
public final class HostedPageAddress {

    /** The hosted pages' path from the server's root; {@link HostedPageServlet} serves it. */
    public static final String PATH = "/pay/";

    static final String DEFAULT_BASE = "http://localhost:8080";

    private HostedPageAddress() {}

    public static String of(Payment payment) {
        return base() + PATH + payment.id() + "/" + payment.actionToken();
    }

    /** Read on each call: only a payment waiting for its customer has an address, so this is rare. */
    private static String base() {
        Optional<String> configured;
        try {
            configured = ConfigProvider.getConfig().getOptionalValue("paygate.public.base.url", String.class);
        } catch (IllegalStateException noConfiguration) { // outside a server, as in unit tests
            configured = Optional.empty();
        }
        return configured
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> s.replaceAll("/+$", ""))
                .orElse(DEFAULT_BASE);
    }
}
