package dev.paygate.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;

/** Checks of the OpenAPI document that hold on every server. */
public final class ApiDocument {

    private ApiDocument() {}

    /**
     * Every payments and refunds operation documents the 400, 401 and 429 that any keyed call may
     * get, and every such POST the 422 of a reused Idempotency-Key, each in the one error shape,
     * whether written out or referred to among the components.
     */
    public static void assertKeyedErrorsDocumented(JsonObject openapi) {
        JsonObject paths = openapi.getJsonObject("paths");
        int checked = 0;
        for (String path : paths.keySet()) {
            if (!path.startsWith("/api/v1/payments") && !path.startsWith("/api/v1/refunds")) {
                continue;
            }
            for (var operation : paths.getJsonObject(path).entrySet()) {
                JsonObject responses = operation.getValue().asJsonObject().getJsonObject("responses");
                List<String> codes = operation.getKey().equals("post")
                        ? List.of("400", "401", "429", "422")
                        : List.of("400", "401", "429");
                for (String code : codes) {
                    String where = operation.getKey() + " " + path + " " + code;
                    assertTrue(responses.containsKey(code), where + " is not documented: " + responses.keySet());
                    JsonObject response = responses.getJsonObject(code);
                    if (response.containsKey("$ref")) {
                        String ref = response.getString("$ref");
                        assertTrue(ref.startsWith("#/components/responses/"), where + ": " + ref);
                        response = openapi.getJsonObject("components")
                                .getJsonObject("responses")
                                .getJsonObject(ref.substring("#/components/responses/".length()));
                        assertTrue(response != null, where + ": " + ref + " is not among the components");
                    }
                    assertTrue(response.containsKey("description"), where + ": " + response);
                    String schema = response.getJsonObject("content")
                            .getJsonObject("application/json")
                            .getJsonObject("schema")
                            .getString("$ref", "");
                    assertTrue(schema.endsWith("/Error"), where + " is not in the error shape: " + response);
                }
                checked++;
            }
        }
        assertTrue(checked >= 8, "payments and refunds operations checked: " + checked);
    }
}
