package dev.paygate.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Whether the gateway can reach what it needs: its database and its message broker. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DependencyChecks {

    private static final Logger LOG = Logger.getLogger(DependencyChecks.class.getName());

    public record Check(String status, String message) {
        static final Check UP = new Check("up", null);

        static Check down(String what, Exception e) {
            LOG.log(Level.WARNING, what + " check failed", e);
            return new Check("down", what + " unreachable: " + e.getClass().getSimpleName());
        }

        public boolean up() {
            return "up".equals(status);
        }
    }

    @Resource(name = "jdbc/gateway")
    DataSource dataSource;

    @Resource(name = "jms/gatewayCF")
    ConnectionFactory connectionFactory;

    public Check database() {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return c.isValid(2) ? Check.UP : new Check("down", "database connection is not valid");
        } catch (Exception e) {
            return Check.down("database", e);
        }
    }

    public Check broker() {
        try (jakarta.jms.Connection c = connectionFactory.createConnection()) {
            c.start();
            return Check.UP;
        } catch (Exception e) {
            return Check.down("broker", e);
        }
    }
}
