package dev.paygate.problems;

/** The requested object does not exist. */
public class ResourceNotFound extends GatewayException {

    public ResourceNotFound(String kind, String id) {
        super(ErrorType.NOT_FOUND, "resource_missing", "id", "No such " + kind + ": '" + id + "'");
    }

    @Override
    public java.util.List<FieldError> errors() {
        return java.util.List.of();
    }
}
