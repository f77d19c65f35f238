package dev.paygate.merchants.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJBException;
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
 * At start-up, in the zero-install default (embedded database), creates the demo merchant with its
 * configured key, so the README's first request works as written.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoMerchant {

    private static final Logger LOG = Logger.getLogger(DemoMerchant.class.getName());
    static final String DEMO_MERCHANT = "merchant_123";

    @Inject
    @ConfigProperty(name = "paygate.demo.merchant", defaultValue = "auto")
    String demo;

    @Inject
    @ConfigProperty(name = "paygate.demo.key", defaultValue = "sk_test_paygate_demo_key_for_merchant_123")
    String demoKey;

    @Resource(name = "jdbc/gateway")
    DataSource dataSource;

    @Inject
    Merchants merchants;

    @PostConstruct
    void start() {
        if (demoWanted()) {
            boolean added = ensureDemo();
            LOG.info("Demo merchant " + DEMO_MERCHANT + (added ? " has the new" : " uses the") + " API key " + demoKey);
        }
    }

    /**
     * Replicas started together on one database race to create the merchant and its key: the one
     * whose insert loses to another's finds them made when it looks again.
     */
    private boolean ensureDemo() {
        for (int attempt = 1; ; attempt++) {
            try {
                return merchants.ensureDemo(DEMO_MERCHANT, demoKey);
            } catch (EJBException lostRace) {
                if (attempt == 3) {
                    throw lostRace;
                }
                LOG.fine("Demo merchant made by another instance at the same moment; looking again");
            }
        }
    }

    private boolean demoWanted() {
        return switch (demo) {
            case "true" -> true;
            case "false" -> false;
            case "auto" -> embeddedDatabase();
            default ->
                throw new IllegalStateException(
                        "PAYGATE_DEMO_MERCHANT must be auto, true or false, not '" + demo + "'");
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
