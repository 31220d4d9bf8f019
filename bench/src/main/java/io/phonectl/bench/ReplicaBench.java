package io.phonectl.bench;

import io.phonectl.client.inventory.PhoneEntry;
import io.phonectl.server.PhonectlServer;
import io.phonectl.server.db.Database;
import io.phonectl.server.db.DatabaseConfig;
import io.phonectl.server.job.ClaimLoad;
import io.phonectl.server.replica.ReplicaConfig;
import io.phonectl.server.replica.Replicas;
import io.phonectl.sim.host.MultiListenConnector;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.eclipse.jetty.server.Server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replicas on one PostgreSQL (issue 13), in one run:
 * <ol>
 *   <li>claim-and-complete throughput of job items (the engine's own store: claim a batch with SKIP LOCKED, write
 *   its outcomes; nothing sent) with 1, 2 and 3 replicas on PostgreSQL, and one on H2, the single-process default;</li>
 *   <li>the same items as db-scheduler task instances (one per item, its cluster mode on PostgreSQL) with 1 and 3
 *   schedulers: the alternative the issue asks to weigh;</li>
 *   <li>time to the last final outcome of a job to N stub phones answering after D ms: 1 replica, 3 replicas
 *   (service instances in this JVM, each with its own pool, replica id, job worker and HTTP port; the job's
 *   concurrency applies per replica, so 3 x in flight), and 1 replica with the 3 replicas' total in flight.</li>
 * </ol>
 * Every "replica" of parts 1 and 2 has its own connection pool and replica id in this JVM; on two cores they share
 * the same CPUs as the database, which is the point to measure. Arguments: items (20000), phones (10000), delay ms
 * (50), concurrency per replica (128).
 */
public final class ReplicaBench {

    private ReplicaBench() {
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int phones = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        long delay = args.length > 2 ? Long.parseLong(args[2]) : 50;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 128;
        System.out.printf(Locale.ROOT, "ReplicaBench items=%d phones=%d delay=%dms concurrency=%d cores=%d load=%.2f "
                        + "java=%s%n", items, phones, delay, concurrency, Runtime.getRuntime().availableProcessors(),
                ProcessFigures.load(), System.getProperty("java.version"));
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            claims(pg, items);
            scheduler(pg, items);
            fleet(pg, phones, delay, concurrency);
        }
        System.out.printf(Locale.ROOT, "load at the end=%.2f%n", ProcessFigures.load());
    }

    static void claims(EmbeddedPostgres pg, int items) throws Exception {
        // warm-up (JIT, PostgreSQL caches), not reported
        claimRun(List.of(pgConfig(pg)), items / 4);
        Path h2dir = TempDirs.create("replicabench");
        double h2 = claimRun(List.of(DatabaseConfig.h2(h2dir)), items);
        double[] onPg = new double[3];
        for (int n = 1; n <= 3; n++) {
            DatabaseConfig c = pgConfig(pg);
            List<DatabaseConfig> same = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                same.add(c);
            }
            onPg[n - 1] = claimRun(same, items);
        }
        System.out.printf(Locale.ROOT, "claim-and-complete (%d items, batches of 256, 2 loops per replica): H2 one "
                        + "process %.0f items/s; PostgreSQL 1 replica %.0f, 2 replicas %.0f, 3 replicas %.0f items/s; "
                        + "load %.2f%n", items, h2, onPg[0], onPg[1], onPg[2], ProcessFigures.load());
        System.out.printf(Locale.ROOT, "RATIO claim-and-complete PostgreSQL/H2: 1 replica %.2f; PostgreSQL 2/1 "
                + "replicas %.2f, 3/1 %.2f%n", onPg[0] / h2, onPg[1] / onPg[0], onPg[2] / onPg[0]);
    }

    static double claimRun(List<DatabaseConfig> configs, int items) throws Exception {
        List<Database> dbs = new ArrayList<>();
        List<Replicas> replicas = new ArrayList<>();
        try {
            for (DatabaseConfig c : configs) {
                Database db = Database.open(c, null);
                dbs.add(db);
                replicas.add(Replicas.start(db, ReplicaConfig.defaults()));
            }
            long job = ClaimLoad.job(dbs.getFirst(), items);
            return ClaimLoad.claimAndComplete(dbs, replicas, job, 256, 2);
        } finally {
            replicas.forEach(Replicas::close);
            dbs.forEach(Database::close);
        }
    }

    static void scheduler(EmbeddedPostgres pg, int items) throws Exception {
        double[] rate = new double[2];
        int[] counts = {1, 3};
        for (int k = 0; k < 2; k++) {
            DatabaseConfig c = pgConfig(pg);
            List<Database> dbs = new ArrayList<>();
            try {
                for (int i = 0; i < counts[k]; i++) {
                    dbs.add(Database.open(c, null));
                }
                rate[k] = ClaimLoad.dbScheduler(dbs, items, 8);
            } finally {
                dbs.forEach(Database::close);
            }
        }
        System.out.printf(Locale.ROOT, "db-scheduler, one task instance per item (%d items, 8 threads per scheduler, "
                + "lock-and-fetch): 1 scheduler %.0f executions/s, 3 schedulers %.0f executions/s; load %.2f%n",
                items, rate[0], rate[1], ProcessFigures.load());
    }

    static void fleet(EmbeddedPostgres pg, int phones, long delay, int concurrency) throws Exception {
        Server stub = BroadcastBench.startStub(delay);
        try {
            List<PhoneEntry> fleet = BroadcastBench.phoneList((MultiListenConnector) stub.getConnectors()[0], phones);
            // 1 replica; 3 replicas (3 x the concurrency in flight together); 1 replica with that same total
            int[] replicas = {1, 3, 1};
            int[] each = {concurrency, concurrency, 3 * concurrency};
            double[] seconds = new double[3];
            long[] last = new long[3];
            for (int k = 0; k < 3; k++) {
                DatabaseConfig c = pgConfig(pg);
                List<PhonectlServer> servers = new ArrayList<>();
                try {
                    for (int i = 0; i < replicas[k]; i++) {
                        servers.add(PhonectlServer.start(ServeProcess.config(TempDirs.create("replica"))
                                .withDatabase(c)));
                    }
                    ServiceClient api = new ServiceClient(servers.getFirst().uri(),
                            ServeProcess.token(servers.getFirst(), "bench"));
                    JobBench.register(api, fleet);
                    Map<String, Object> options = Map.of("concurrency", each[k], "deadlineSeconds", 600);
                    JobBench.runJob(api, Map.of("selector", "name=phone-1*"), options, 1);
                    JobBench.JobRun run = JobBench.runJob(api, Map.of("all", true), options, 1);
                    seconds[k] = run.seconds();
                    last[k] = run.timing("lastMillis");
                    System.out.printf(Locale.ROOT, "%d replica(s) x concurrency %d: job to %d phones (%d ms each) POST "
                                    + "to job.done %.2f s, created to last outcome %d ms, counts %s; load %.2f%n",
                            replicas[k], each[k], phones, delay, run.seconds(), last[k], run.view().get("counts"), ProcessFigures.load());
                } finally {
                    servers.forEach(PhonectlServer::close);
                }
            }
            System.out.printf(Locale.ROOT, "RATIO time to the last outcome, 3 replicas / 1 replica (same concurrency "
                    + "each): %.2f; 3 replicas / 1 replica with the same total in flight: %.2f%n",
                    (double) last[1] / last[0], (double) last[1] / last[2]);
        } finally {
            stub.stop();
        }
    }

    /** A fresh database of the embedded PostgreSQL. */
    static DatabaseConfig pgConfig(EmbeddedPostgres pg) throws Exception {
        String name = "bench_" + System.nanoTime();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new DatabaseConfig(pg.getJdbcUrl("postgres", name), "postgres", "", 10);
    }
}
