package dev.paygate.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The same checks for the server's own /health/ready, which orchestrators probe. */
@Readiness
@ApplicationScoped
public class GatewayReadiness implements HealthCheck {

    @Inject
    DependencyChecks checks;

    @Override
    public HealthCheckResponse call() {
        DependencyChecks.Check database = checks.database();
        DependencyChecks.Check broker = checks.broker();
        return HealthCheckResponse.named("paygate")
                .status(database.up() && broker.up())
                .withData("database", database.status())
                .withData("broker", broker.status())
                .build();
    }
}
