package dev.paygate.access.boundary;

import dev.paygate.platform.Ids;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The admin API's bearer token: {@code PAYGATE_ADMIN_TOKEN}, or, when that is not set, one made
 * at start-up and printed in the log, so a local gateway can be administered at once.
 */
@ApplicationScoped
public class AdminToken {

    @Inject
    @ConfigProperty(name = "paygate.admin.token")
    Optional<String> configured;

    private String token;

    @PostConstruct
    void init() {
        token = configured.filter(t -> !t.isBlank()).orElseGet(() -> "admin_" + Ids.random(32));
    }

    boolean generated() {
        return configured.filter(t -> !t.isBlank()).isEmpty();
    }

    String value() {
        return token;
    }

    /** In constant time, so that response timing does not reveal the token. */
    boolean matches(String presented) {
        return presented != null
                && MessageDigest.isEqual(
                        presented.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
