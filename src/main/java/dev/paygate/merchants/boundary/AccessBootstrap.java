package dev.paygate.merchants.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At start-up: checks the auth mode and says loudly when authentication is off, prints a generated
 * admin token, and in the zero-install default (embedded database) creates the demo merchant with
 * its configured key, so the README's first request works as written.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccessBootstrap {

    private static final Logger LOG = Logger.getLogger(AccessBootstrap.class.getName());
    static final String DEMO_MERCHANT = "merchant_123";

    @Inject
    @ConfigProperty(name = "paygate.auth.mode", defaultValue = "api_key")
    String mode;

    @Inject
    @ConfigProperty(name = "paygate.demo.merchant", defaultValue = "auto")
    String demo;

    @Inject
    @ConfigProperty(name = "paygate.demo.key", defaultValue = "sk_test_paygate_demo_key_for_merchant_123")
    String demoKey;

    @Resource(name = "jdbc/gateway")
    DataSource dataSource;

    @Inject
    AdminToken admin;

    @Inject
    Merchants merchants;

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
        if (demoWanted()) {
            boolean added = merchants.ensureDemo(DEMO_MERCHANT, demoKey);
            LOG.info("Demo merchant " + DEMO_MERCHANT + (added ? " has the new" : " uses the") + " API key " + demoKey);
        }
    }

    private boolean demoWanted() {
        return switch (demo) {
            case "true" -> true;
            case "false" -> false;
            case "auto" -> embeddedDatabase();
            default -> throw new IllegalStateException("PAYGATE_DEMO_MERCHANT must be auto, true or false, not '" + demo + "'");
        };
    }

    private boolean embeddedDatabase() {
        try (Connection connection = dataSource.getConnection()) {
            return "H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database", e);
        }
    }
}
