package dev.paygate.platform;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * OpenAPI requires a description on every response, and client generators rely on it, but the
 * servers' generators leave it out of the responses they derive from a method's return type. This
 * fills in the HTTP reason phrase where no annotation gave one (registered as mp.openapi.filter).
 */
public class OpenApiDescriptions implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().forEach(OpenApiDescriptions::describe);
        }
        return operation;
    }

    static void describe(String code, APIResponse response) {
        if (response.getDescription() != null && !response.getDescription().isBlank()) {
            return;
        }
        Response.Status status = code.matches("\\d{3}") ? Response.Status.fromStatusCode(Integer.parseInt(code)) : null;
        response.setDescription(status != null ? status.getReasonPhrase() : "Answer");
    }
}
