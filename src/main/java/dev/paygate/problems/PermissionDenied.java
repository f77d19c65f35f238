package dev.paygate.problems;

/** The key is valid, but it may not act for what the request names. */
public class PermissionDenied extends GatewayException {

    public PermissionDenied(String code, String param, String message) {
        super(ErrorType.PERMISSION_ERROR, code, param, message);
    }
}
