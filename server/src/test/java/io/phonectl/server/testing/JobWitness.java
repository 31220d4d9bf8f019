package io.phonectl.server.testing;

import io.phonectl.server.db.DatabaseConfig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/** What the database itself says of a job's items, read directly (the servers may be dead). */
public final class JobWitness {

    private JobWitness() {
    }

    /** The devices whose items of {@code job} are final. */
    public static Set<Long> finalDevices(DatabaseConfig db, long job) throws SQLException {
        Set<Long> out = new HashSet<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement s = c.prepareStatement("SELECT device_id FROM job_items WHERE job_id = ? AND state = 'final'")) {
            s.setLong(1, job);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getLong(1));
                }
            }
        }
        return out;
    }
}
