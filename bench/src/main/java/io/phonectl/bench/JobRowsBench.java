package io.phonectl.bench;

import io.phonectl.server.db.Database;
import io.phonectl.server.db.DatabaseConfig;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A job's rows alone on H2 (issue 10, JobBench's database share): the service's schema (its migrations, in a
 * temporary folder), N devices, then per round one job of N items through the statements a run makes, each phase
 * timed in this thread's CPU time: the items' creation ({@code INSERT … SELECT}, one commit), the claims (the first
 * {@code claim} pending items with their device, then the {@code UPDATE} to in flight, a commit each) and the outcomes
 * (a JDBC batch of item updates and one of the devices' last state, a commit per {@code flush} items). The first two
 * rounds warm up; the median of the others is printed. No phones, no HTTP: what is left is H2's row, index and
 * commit work, which JobBench's wall-clock ratio cannot separate from the rest on a loaded machine.
 *
 * <pre>
 * $JAVA -cp bench/target/benchmarks.jar io.phonectl.bench.JobRowsBench [devices=10000] [rounds=12] [claim=256] [flush=500]
 * </pre>
 * {@code -Djobrows.window=2000} writes the outcomes in the order phones answer (shuffled within each 2,000 ids, about
 * what a run has in flight) and {@code -Djobrows.unsorted=true} leaves each batch in that order, as the service did
 * before it sorted them.
 * {@code -Djobrows.v21indexes=true} puts V21's two indexes by state and by outcome back in place of V74's one, for the
 * comparison (the claim then orders as it did with them).
 */
public final class JobRowsBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** {@code -Djobrows.window=W}: outcomes in the order phones answer, shuffled within each W ids in flight. */
    private static final int WINDOW = Integer.getInteger("jobrows.window", 0);
    /** {@code -Djobrows.unsorted=true}: each batch written in that order, not in id order as the service does. */
    private static final boolean UNSORTED = Boolean.getBoolean("jobrows.unsorted");

    private JobRowsBench() {
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        int claim = args.length > 2 ? Integer.parseInt(args[2]) : 256;
        int flush = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        boolean v21 = Boolean.getBoolean("jobrows.v21indexes");
        Path dir = TempDirs.create("jobrows"); // removed when the JVM exits
        try (Database db = Database.open(DatabaseConfig.h2(dir), null);
             Connection c = db.dataSource().getConnection()) {
            if (v21) {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP INDEX job_items_job_state_outcome");
                    s.execute("CREATE INDEX job_items_job_state ON job_items (job_id, state, id)");
                    s.execute("CREATE INDEX job_items_job_outcome ON job_items (job_id, outcome, id)");
                }
            }
            devices(c, devices);
            c.setAutoCommit(false);
            String order = v21 ? "i.job_id, i.state, i.id" : "i.job_id, i.state, i.outcome, i.id";
            List<Long> create = new ArrayList<>();
            List<Long> claims = new ArrayList<>();
            List<Long> outcomes = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                long t0 = cpu();
                long job = job(c, devices);
                long t1 = cpu();
                Map<Long, Long> claimed = claims(c, job, claim, order);
                long t2 = cpu();
                outcomes(c, job, claimed, flush);
                long t3 = cpu();
                if (r >= 2) {
                    create.add((t1 - t0) / 1_000_000);
                    claims.add((t2 - t1) / 1_000_000);
                    outcomes.add((t3 - t2) / 1_000_000);
                }
            }
            System.out.printf("JobRowsBench devices=%d rounds=%d claim=%d flush=%d indexes=%s outcomes=%s load=%.2f%n",
                    devices, rounds, claim, flush, v21 ? "V21 (two)" : "V74 (one)", WINDOW == 0 ? "in id order"
                            : "shuffled within " + WINDOW + (UNSORTED ? ", batches unsorted" : ", batches sorted"),
                    ProcessFigures.load());
            System.out.printf("median ms of CPU per job: creation %d, claims %d, outcomes %d (rounds: %s %s %s)%n",
                    median(create), median(claims), median(outcomes), create, claims, outcomes);
        }
    }

    private static void devices(Connection c, int n) throws SQLException {
        try (PreparedStatement b = c.prepareStatement("INSERT INTO devices (name, kind, host, port, address, model, "
                + "username, created_at, updated_at) VALUES (?, 'xsi', '127.0.0.1', ?, ?, 'CP-8845', 'ops', "
                + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
            for (int i = 0; i < n; i++) {
                b.setString(1, "p" + i);
                b.setInt(2, 20_000 + i % 40_000);
                b.setString(3, "127.0.0.1:" + (20_000 + i % 40_000));
                b.addBatch();
            }
            b.executeBatch();
        }
    }

    private static long job(Connection c, int total) throws SQLException {
        long id;
        try (PreparedStatement j = c.prepareStatement("INSERT INTO jobs (state, action, spec, options, target, total, "
                + "created_by, created_at) VALUES ('running', 'object_text', '{}', '{}', '{}', ?, 'bench', "
                + "CURRENT_TIMESTAMP)", new String[]{"id"})) {
            j.setInt(1, total);
            j.executeUpdate();
            try (ResultSet k = j.getGeneratedKeys()) {
                k.next();
                id = k.getLong(1);
            }
        }
        try (PreparedStatement i = c.prepareStatement("INSERT INTO job_items (job_id, device_id, name, address, model, "
                + "kind, site, state, queued_at) SELECT ?, d.id, d.name, d.address, d.model, d.kind, d.site, 'pending', "
                + "CURRENT_TIMESTAMP FROM devices d ORDER BY d.id")) {
            i.setLong(1, id);
            i.executeUpdate();
        }
        c.commit();
        return id;
    }

    /** Every item claimed, {@code size} at a time; item id → device id. */
    private static Map<Long, Long> claims(Connection c, long job, int size, String order) throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        while (true) {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT i.id, i.device_id, i.name, i.address, i.model, "
                    + "i.kind, i.site, i.resumed, d.username, d.credential_id FROM job_items i LEFT JOIN devices d "
                    + "ON d.id = i.device_id WHERE i.job_id = ? AND i.state = 'pending' ORDER BY " + order
                    + " LIMIT ?")) {
                q.setLong(1, job);
                q.setInt(2, size);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        out.put(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
            if (ids.isEmpty()) {
                return out;
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE job_items SET state = 'in_flight', claimed_by = ?, "
                    + "lease_until = NULL WHERE id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?"))
                    + ") AND state = 'pending'")) {
                u.setString(1, "bench");
                for (int i = 0; i < ids.size(); i++) {
                    u.setLong(i + 2, ids.get(i));
                }
                u.executeUpdate();
            }
            c.commit();
        }
    }

    /** Outcomes in claim order, {@code flush} per transaction: the items, then the devices' last state. */
    private static void outcomes(Connection c, long job, Map<Long, Long> claimed, int flush) throws SQLException {
        List<Long> ids = new ArrayList<>(claimed.keySet());
        Collections.sort(ids);
        if (WINDOW > 0) {
            // as phones answer: in no order within each window of ids, a batch taking the end of one window and
            // the start of the next
            Random random = new Random(42);
            for (int w = 0; w < ids.size(); w += WINDOW) {
                Collections.shuffle(ids.subList(w, Math.min(ids.size(), w + WINDOW)), random);
            }
            Collections.rotate(ids, WINDOW / 2);
        }
        Timestamp now = new Timestamp(System.currentTimeMillis());
        for (int b = 0; b < ids.size(); b += flush) {
            try (PreparedStatement items = c.prepareStatement("UPDATE job_items SET state = 'final', outcome = ?, "
                    + "success = ?, detail = ?, data = ?, attempts = attempts + ?, elapsed_ms = ?, started_at = "
                    + "coalesce(started_at, ?), finished_at = ?, claimed_by = NULL, lease_until = NULL WHERE id = ? "
                    + "AND state = 'in_flight' AND claimed_by = ?");
                 PreparedStatement devs = c.prepareStatement("UPDATE devices SET reachable = coalesce(?, reachable), "
                         + "last_contact_at = coalesce(?, last_contact_at), last_outcome = ?, last_detail = ?, "
                         + "last_job_id = ? WHERE id = ?")) {
                List<Long> batch = new ArrayList<>(ids.subList(b, Math.min(ids.size(), b + flush)));
                if (!UNSORTED) {
                    Collections.sort(batch); // as the service's JobStore.write orders a batch
                }
                for (long id : batch) {
                    items.setString(1, "EXECUTED");
                    items.setBoolean(2, true);
                    items.setString(3, "Success");
                    items.setString(4, null);
                    items.setInt(5, 1);
                    items.setLong(6, 55);
                    items.setTimestamp(7, now);
                    items.setTimestamp(8, now);
                    items.setLong(9, id);
                    items.setString(10, "bench");
                    items.addBatch();
                    devs.setBoolean(1, true);
                    devs.setTimestamp(2, now);
                    devs.setString(3, "EXECUTED");
                    devs.setString(4, "Success");
                    devs.setLong(5, job);
                    devs.setLong(6, claimed.get(id));
                    devs.addBatch();
                }
                items.executeBatch();
                devs.executeBatch();
            }
            c.commit();
        }
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }
}
