package dev.paygate.problems;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * What the JAX-RS runtime rejects before our code runs: unknown route, wrong method, wrong media
 * type. A 5xx of its own is a failure of the gateway's, logged under the reference its answer names.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    Request request;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        ApiError error = switch (status) {
            case 404 ->
                ApiError.of(
                        ErrorType.NOT_FOUND, "resource_missing", "No such route. The API reference is at /apidocs/.");
            case 405 ->
                ApiError.of(
                        ErrorType.INVALID_REQUEST_ERROR,
                        "method_not_allowed",
                        "This method is not allowed on this route; allowed: " + original.getAllowedMethods() + ".");
            case 406 ->
                ApiError.of(
                        ErrorType.INVALID_REQUEST_ERROR,
                        "not_acceptable",
                        "The API answers with application/json only.");
            case 415 ->
                ApiError.of(
                        ErrorType.INVALID_REQUEST_ERROR,
                        "unsupported_media_type",
                        "Send the request body as application/json.");
            default ->
                status >= 500
                        ? UnexpectedErrorMapper.internalError(e, request.getMethod() + " /" + uri.getPath())
                        : ApiError.of(ErrorType.INVALID_REQUEST_ERROR, "invalid_request", "The request is invalid.");
        };
        Response.ResponseBuilder out = Response.fromResponse(Responses.of(status, error));
        if (status == 405) {
            out.allow(original.getAllowedMethods());
        }
        return out.build();
    }
}
