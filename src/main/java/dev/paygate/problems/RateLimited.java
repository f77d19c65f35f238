package dev.paygate.problems;

/** The key has sent more requests than its limit allows. */
public class RateLimited extends GatewayException {

    public RateLimited(String kind, int perSecond) {
        super(
                ErrorType.RATE_LIMIT_ERROR,
                "rate_limited",
                null,
                "Too many " + kind + " requests: this key may send " + perSecond
                        + " per second. Retry after the time in the Retry-After header.");
    }
}
