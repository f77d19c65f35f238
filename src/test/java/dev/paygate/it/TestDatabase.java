package dev.paygate.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The PostgreSQL database the integration tests run against, named by the same PAYGATE_DB_*
 * variables the gateway reads. Created before any test runs if it does not exist yet, so that
 * `mvn verify` needs nothing but a running PostgreSQL.
 */
public class TestDatabase implements LauncherSessionListener {

    public static String host() {
        return env("PAYGATE_DB_HOST", "127.0.0.1");
    }

    public static String name() {
        return env("PAYGATE_DB_NAME", "paygate_test");
    }

    public static String port() {
        return env("PAYGATE_DB_PORT", "5432");
    }

    public static String user() {
        return env("PAYGATE_DB_USER", "postgres");
    }

    public static String password() {
        return env("PAYGATE_DB_PASSWORD", "");
    }

    /** A test's use of a database of its own; {@code admin} is connected to another database of the server. */
    @FunctionalInterface
    public interface InOwnDatabase {
        void run(String database, Statement admin) throws Exception;
    }

    /**
     * Creates a database named {@code prefix} and a unique suffix, runs {@code test} with it, and
     * drops it afterwards, whatever happened.
     */
    public static void withOwnDatabase(String prefix, InOwnDatabase test) throws Exception {
        String database = prefix + "_" + Long.toHexString(System.nanoTime());
        try (Connection admin = connectAdmin();
                Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + database);
            try {
                test.run(database, sql);
            } finally {
                sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    /** The settings that point a gateway at {@code database} on the tests' PostgreSQL server. */
    public static Map<String, String> gatewayEnv(String database) {
        return Map.of(
                "PAYGATE_DB_HOST",
                host(),
                "PAYGATE_DB_PORT",
                port(),
                "PAYGATE_DB_USER",
                user(),
                "PAYGATE_DB_PASSWORD",
                password(),
                "PAYGATE_DB_NAME",
                database);
    }

    /** The tests' database. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(name()), user(), password());
    }

    /** The server's maintenance database, to create and drop databases. */
    public static Connection connectAdmin() throws SQLException {
        return DriverManager.getConnection(url("postgres"), user(), password());
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getenv("PAYGATE_DB_HOST") == null) {
            return; // unit tests only (Surefire): no database needed
        }
        try (Connection c = connectAdmin();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name() + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE \"" + name() + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL is not reachable at " + host() + ":" + port() + " as " + user()
                            + ". The integration tests need it: start PostgreSQL or set PAYGATE_DB_*.",
                    e);
        }
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
