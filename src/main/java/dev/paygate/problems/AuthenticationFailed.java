package dev.paygate.problems;

/** The request does not carry a key the gateway accepts: missing, unknown, revoked or disabled. */
public class AuthenticationFailed extends GatewayException {

    public AuthenticationFailed(String code, String message) {
        super(ErrorType.AUTHENTICATION_ERROR, code, null, message);
    }
}
