package dev.paygate;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info = @Info(title = "paygate", version = "1",
                description = "A payment-gateway emulator: stateful, deterministic test payments, refunds and "
                        + "their transaction history. Card outcomes follow the test cards in the README."),
        servers = @Server(url = "/"),
        tags = {
            @Tag(name = "payments", description = "Create, read, list and cancel payments"),
            @Tag(name = "refunds", description = "Full and partial refunds"),
            @Tag(name = "health", description = "Database and broker checks")
        })
public class GatewayApplication extends Application {
}
