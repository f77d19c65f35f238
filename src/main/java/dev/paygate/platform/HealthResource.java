package dev.paygate.platform;

import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("health")
@Unauthenticated
@jakarta.enterprise.context.ApplicationScoped
@Tag(name = "health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @JsonbPropertyOrder({"status", "checks"})
    public record Health(String status, Checks checks) {}

    @JsonbPropertyOrder({"database", "broker"})
    public record Checks(DependencyChecks.Check database, DependencyChecks.Check broker) {}

    @Inject
    DependencyChecks checks;

    @GET
    @Operation(operationId = "getHealth", summary = "Whether the gateway, its database and its broker are up")
    @SecurityRequirementsSet({})
    @APIResponse(responseCode = "200", description = "Everything is up")
    @APIResponse(responseCode = "503", description = "The database or the broker is down")
    public Response health() {
        DependencyChecks.Check database = checks.database();
        DependencyChecks.Check broker = checks.broker();
        boolean up = database.up() && broker.up();
        return Response.status(up ? 200 : 503)
                .entity(new Health(up ? "up" : "down", new Checks(database, broker)))
                .build();
    }
}
