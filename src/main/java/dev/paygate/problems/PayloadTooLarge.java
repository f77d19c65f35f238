package dev.paygate.problems;

/** The request body is larger than the API accepts. */
public class PayloadTooLarge extends GatewayException {

    public PayloadTooLarge(int limitBytes) {
        super(
                ErrorType.PAYLOAD_TOO_LARGE,
                "payload_too_large",
                null,
                "The request body exceeds " + (limitBytes / 1024) + " KiB.");
    }
}
