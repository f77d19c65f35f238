package dev.paygate.problems;

import java.math.BigDecimal;

/** The request body did not arrive in full within the time the gateway waits for one. */
public class BodyTooSlow extends GatewayException {

    public BodyTooSlow(long timeoutMillis) {
        super(
                ErrorType.REQUEST_TIMEOUT,
                "request_timeout",
                null,
                "The request body arrived too slowly: it must arrive in full within "
                        + BigDecimal.valueOf(timeoutMillis, 3)
                                .stripTrailingZeros()
                                .toPlainString()
                        + " seconds of the request's headers.");
    }
}
