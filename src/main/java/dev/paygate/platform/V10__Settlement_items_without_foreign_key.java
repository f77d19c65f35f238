package dev.paygate.platform;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 10: settlement items without the foreign key to their settlement. The key was
 * checked for every item, with a row lock on the settlement each time, and made up a third of the
 * settlement job's writing (docs/settlement.md, "How fast"). Items are written only by
 * {@code SettlementBook}, in the transaction that found or opened their settlement, and settlements
 * are never deleted, so the check could not fail.
 *
 * <p>In Java rather than SQL because the key's name is the database's choice: PostgreSQL's and
 * H2's differ. Flyway is given it explicitly ({@link SchemaMigration}), not by scanning.
 */
// Flyway takes the version and the description from the class's name.
public final class V10__Settlement_items_without_foreign_key extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        DatabaseMetaData meta = connection.getMetaData();
        String items = meta.storesUpperCaseIdentifiers() ? "SETTLEMENT_ITEMS" : "settlement_items";
        List<String> keys = new ArrayList<>();
        try (ResultSet rs = meta.getImportedKeys(connection.getCatalog(), connection.getSchema(), items)) {
            while (rs.next()) {
                if ("settlements".equalsIgnoreCase(rs.getString("PKTABLE_NAME"))) {
                    keys.add(rs.getString("FK_NAME"));
                }
            }
        }
        String quote = meta.getIdentifierQuoteString();
        try (Statement statement = connection.createStatement()) {
            for (String key : keys) {
                statement.execute("ALTER TABLE settlement_items DROP CONSTRAINT " + quote + key + quote);
            }
        }
    }
}
