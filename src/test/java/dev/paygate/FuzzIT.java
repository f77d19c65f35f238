package dev.paygate;

import dev.paygate.it.AgainstGateway;
import dev.paygate.it.Fuzzer;
import java.net.URISyntaxException;
import org.junit.jupiter.api.Test;

/**
 * Thousands of hostile requests over every endpoint, method and class of bad input (see
 * {@link Fuzzer}): no 5xx, every error in the one JSON shape, no class names, stack traces or
 * server names in any answer, and the gateway healthy afterwards. The requests come from a fixed
 * seed, which a failure names; {@code -Dpaygate.fuzz.seed=N} runs another.
 */
class FuzzIT extends AgainstGateway {

    static final int REQUESTS = 4_000;

    @Test
    void hostileRequestsGetCleanAnswers() throws URISyntaxException {
        Fuzzer.run(
                Fuzzer.Server.PAYARA,
                base.toURI(),
                api.key(),
                System.getProperty("paygate.it.admin.token"),
                REQUESTS,
                Fuzzer.seed());
    }
}
