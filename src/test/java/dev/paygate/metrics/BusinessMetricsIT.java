package dev.paygate.metrics;

import dev.paygate.it.AgainstGateway;
import dev.paygate.it.Api;
import dev.paygate.it.Metrics;
import org.junit.jupiter.api.Test;

/** The business figures on /metrics count what the API did, once each change has committed. */
class BusinessMetricsIT extends AgainstGateway {

    @Test
    void paymentsRefundsFailuresAndTheAcquirersLagAreCounted() throws Exception {
        Metrics.assertCounted(new Api(base), api, merchant);
    }
}
