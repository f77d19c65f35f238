package dev.paygate.access.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** At start-up: checks the auth mode and says loudly when authentication is off, prints a generated admin token. */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccessBootstrap {

    private static final Logger LOG = Logger.getLogger(AccessBootstrap.class.getName());

    @Inject
    @ConfigProperty(name = "paygate.auth.mode", defaultValue = "api_key")
    String mode;

    @Inject
    AdminToken admin;

    @PostConstruct
    void start() {
        if (Authentication.MODE_NONE.equals(mode)) {
            LOG.warning("""

                    ************************************************************************
                    *  AUTHENTICATION IS OFF (PAYGATE_AUTH_MODE=none): any caller may act    *
                    *  for any merchant_id. For local experiments only.                      *
                    ************************************************************************""");
        } else if (!"api_key".equals(mode)) {
            throw new IllegalStateException("PAYGATE_AUTH_MODE must be api_key or none, not '" + mode + "'");
        }
        if (admin.generated()) {
            LOG.info("Admin API token for this run (set PAYGATE_ADMIN_TOKEN to choose one): " + admin.value());
        }
    }
}
