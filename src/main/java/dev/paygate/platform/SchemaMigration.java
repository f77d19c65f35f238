package dev.paygate.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;

/**
 * Brings the database to the schema this build expects before any request is served: Flyway
 * applies the versioned migrations, then Hibernate checks its mappings against the result. A
 * mismatch stops the deployment instead of failing requests later.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(name = "jdbc/gateway")
    DataSource dataSource;

    @PersistenceUnit(unitName = "gateway")
    EntityManagerFactory emf;

    /**
     * Tables a server's batch job repository may make in the gateway's database before the first
     * migration runs: WildFly's JBeret creates them while the WAR deploys. Payara's ({@code jbatch…})
     * and Open Liberty's ({@code wlp…}) come when the first job starts, after the migrations.
     */
    static final Set<String> JOB_REPOSITORY_TABLES =
            Set.of("job_instance", "job_execution", "step_execution", "partition_execution");

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .javaMigrations(new V10__Settlement_items_without_foreign_key())
                // A schema that holds nothing but a job repository is taken as empty (version 0), so
                // every migration runs; any other table without Flyway's history still stops the start.
                .baselineOnMigrate(onlyJobRepository())
                .baselineVersion("0")
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
        emf.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
    }

    /** Whether the current schema has tables, all of them a batch job repository's. */
    private boolean onlyJobRepository() {
        Set<String> tables = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the database's tables", e);
        }
        return !tables.isEmpty() && JOB_REPOSITORY_TABLES.containsAll(tables);
    }
}
