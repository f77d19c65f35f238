package dev.paygate.platform;

import dev.paygate.it.AgainstGateway;
import dev.paygate.it.SlowUploads;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Slow clients cannot stop the gateway: more uploads sending a byte a second, with a valid key,
 * than Payara Micro has request threads (16, as the run command and arquillian.xml set them), and
 * health and creates still answer within a second; each slow upload gets its 408 at the body
 * deadline, and none makes a payment. A body that merely arrives in parts is served.
 */
class SlowClientIT extends AgainstGateway {

    static final int REQUEST_THREADS = 16;
    static final Duration DEADLINE =
            Duration.ofMillis(Long.parseLong(System.getenv().getOrDefault("PAYGATE_HTTP_BODY_TIMEOUT_MS", "10000")));

    @Test
    void healthAndCreatesAnswerPromptlyWhileMoreSlowUploadsThanThreadsTrickle() throws Exception {
        SlowUploads.assertServedWhileTrickling(api, merchant, REQUEST_THREADS + REQUEST_THREADS / 2, 4, DEADLINE);
    }
}
