package io.phonectl.server.db;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Migration 73, H2 only: {@code job_items}' device foreign key made again after V21's indexes exist. Declared inline
 * in V21's CREATE TABLE, H2 gave each foreign key an index of its own before those indexes existed: six indexes per
 * item row, the one on device_id a duplicate of {@code job_items_device}, each written by every job's creation
 * (10,000 rows for a 10,000-device job; JobBench, docs/BENCHMARKS.md, issue 10). Made again, the device key uses
 * {@code job_items_device}, so five are left. The job key is left as it is: made again it would still get an index
 * of its own (H2 does not take a longer index that begins with job_id for it: V21's {@code job_items_job_state}, since
 * V74 {@code job_items_job_state_outcome}). H2 names the inline constraints
 * itself, so they are found by column in its information schema, which is why this is Java and not SQL. PostgreSQL
 * makes no index for a foreign key: nothing to do there.
 */
final class JobItemForeignKeys implements JavaMigration {

    /** The key made again: its column and what it says (V21's definition); the job key gains nothing made again. */
    private static final String COLUMN = "device_id";
    private static final String REFERENCES = "REFERENCES devices (id) ON DELETE SET NULL";

    private final Dialect dialect;

    JobItemForeignKeys(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("73");
    }

    @Override
    public String getDescription() {
        return "job item device key on the existing index (H2)";
    }

    @Override
    public Integer getChecksum() {
        return 73;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        if (dialect != Dialect.H2) {
            return;
        }
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            for (String name : constraints(c, COLUMN)) {
                s.execute("ALTER TABLE job_items DROP CONSTRAINT \"" + name.replace("\"", "\"\"") + "\"");
            }
            s.execute("ALTER TABLE job_items ADD CONSTRAINT job_items_" + COLUMN + "_fk FOREIGN KEY (" + COLUMN + ") "
                    + REFERENCES);
        }
    }

    /** The foreign keys of {@code job_items} on {@code column} alone. */
    private static List<String> constraints(Connection c, String column) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT k.constraint_name FROM information_schema.key_column_usage k "
                + "JOIN information_schema.table_constraints t ON t.constraint_schema = k.constraint_schema "
                + "AND t.constraint_name = k.constraint_name WHERE t.table_name = 'job_items' "
                + "AND t.constraint_type = 'FOREIGN KEY' AND k.column_name = ? AND (SELECT count(*) FROM "
                + "information_schema.key_column_usage o WHERE o.constraint_schema = k.constraint_schema "
                + "AND o.constraint_name = k.constraint_name) = 1")) {
            q.setString(1, column);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
