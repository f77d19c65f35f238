package dev.paygate.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code Location} of a created resource. Never built from the request's Host header, which
 * the client chooses: absolute on the configured public base URL when there is one, else relative
 * to the server's root. It is set as a header value, not with {@code Response.created(URI)} or
 * {@code location(URI)}, which the JAX-RS runtimes resolve against the request's base URI.
 */
@ApplicationScoped
public class PublicLocation {

    public static final String HEADER = "Location";

    @Inject
    @ConfigProperty(name = "paygate.public.base.url")
    Optional<String> baseUrl;

    /** {@code path} is the API path from the root, such as {@code /api/v1/payments/pay_123}. */
    public String of(String path) {
        return baseUrl.map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> s.replaceAll("/+$", "") + path)
                .orElse(path);
    }
}
