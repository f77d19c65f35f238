package dev.paygate.platform;

import dev.paygate.problems.ApiResponses;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Completes the OpenAPI document (registered as mp.openapi.filter). OpenAPI requires a description
 * on every response, and client generators rely on it, but the servers' generators leave it out of
 * the responses they derive from a method's return type: this fills in the HTTP reason phrase where
 * no annotation gave one. And every operation that takes a merchant's key may answer 400, 401 and
 * 429 in the error shape, and every such POST 422 (its Idempotency-Key used for another request):
 * those answers are defined once, among the document's components ({@code GatewayApplication}), and
 * this refers every such operation to them.
 */
public class OpenApiDescriptions implements OASFilter {

    /** The responses every keyed operation may give, by status, and the component that describes each. */
    private static final Map<String, String> KEYED_ANSWERS = Map.of(
            "400",
            ApiResponses.BAD_REQUEST,
            "401",
            ApiResponses.UNAUTHORIZED_REF,
            "429",
            ApiResponses.RATE_LIMITED_REF);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (keyed(path) && item.getOperations() != null) {
                item.getOperations().values().forEach(operation -> refer(operation, KEYED_ANSWERS));
            }
            if (keyed(path) && item.getPOST() != null) {
                refer(item.getPOST(), Map.of("422", ApiResponses.KEY_REUSED_REF));
            }
        });
    }

    /** The merchant API: everything under /api/v1 but health and the admin API, which has its own token. */
    static boolean keyed(String path) {
        return path.startsWith("/api/v1/") && !path.startsWith("/api/v1/health") && !path.startsWith("/api/v1/admin");
    }

    /** Refers {@code operation} to the component of each status it does not document itself. */
    private static void refer(Operation operation, Map<String, String> answers) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        answers.forEach((code, component) -> {
            if (operation.getResponses().getAPIResponse(code) == null) {
                operation
                        .getResponses()
                        .addAPIResponse(
                                code, OASFactory.createAPIResponse().ref("#/components/responses/" + component));
            }
        });
    }

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().forEach(OpenApiDescriptions::describe);
        }
        return operation;
    }

    static void describe(String code, APIResponse response) {
        if (response.getRef() != null
                || response.getDescription() != null
                        && !response.getDescription().isBlank()) {
            return;
        }
        Response.Status status = code.matches("\\d{3}") ? Response.Status.fromStatusCode(Integer.parseInt(code)) : null;
        response.setDescription(status != null ? status.getReasonPhrase() : "Answer");
    }
}
