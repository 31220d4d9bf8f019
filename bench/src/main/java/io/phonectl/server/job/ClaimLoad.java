package io.phonectl.server.job;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.phonectl.server.db.Database;
import io.phonectl.server.db.Dialect;
import io.phonectl.server.db.Sql;
import io.phonectl.server.replica.Replicas;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The job engine's database work alone, for ReplicaBench: items claimed ({@code FOR UPDATE SKIP LOCKED}) and
 * completed (the conditional outcome write) by the engine's own {@link JobStore}, with no device exchange between;
 * and the alternative the issue asks to weigh, one db-scheduler task instance per item. In the server's package
 * (on the bench's class path) because the store is the engine's, not an API.
 */
public final class ClaimLoad {

    private ClaimLoad() {
    }

    /** A running job of {@code n} pending items (no devices behind them: nothing is sent). */
    public static long job(Database db, int n) {
        Instant now = Instant.now();
        return db.jdbi().inTransaction(h -> {
            long id = h.createUpdate("INSERT INTO jobs (name, state, action, spec, options, target, total, created_by, "
                            + "created_at, started_at) VALUES ('claim load', 'running', 'text', '{}', '{}', '{}', ?, "
                            + "'bench', ?, ?)").bind(0, n).bind(1, Sql.ts(now)).bind(2, Sql.ts(now))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            PreparedBatch b = h.prepareBatch("INSERT INTO job_items (job_id, name, address, model, kind, site, state, "
                    + "queued_at) VALUES (?, ?, ?, 'CP-8845', 'xsi', '', 'pending', ?)");
            for (int i = 0; i < n; i++) {
                b.bind(0, id).bind(1, "p-" + i).bind(2, "127.0.0.1:" + (10_000 + i % 50_000)).bind(3, Sql.ts(now))
                        .add();
                if ((i + 1) % 5_000 == 0) {
                    b.execute();
                }
            }
            if (n % 5_000 != 0) {
                b.execute();
            }
            return id;
        });
    }

    /**
     * Every replica claims and completes the job's items with {@code threadsPerReplica} loops of "claim a batch,
     * write its outcomes" until none is left. Returns items completed per second.
     */
    public static double claimAndComplete(List<Database> dbs, List<Replicas> replicas, long job, int batch,
                                          int threadsPerReplica) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int r = 0; r < dbs.size(); r++) {
            JobStore store = new JobStore(dbs.get(r), replicas.get(r));
            String id = replicas.get(r).id();
            for (int t = 0; t < threadsPerReplica; t++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    while (true) {
                        JobStore.Claim c = store.claim(job, id, batch, null, PaceBy.SITE);
                        if (c.items().isEmpty()) {
                            if (!c.more()) {
                                return;
                            }
                            continue;
                        }
                        Instant now = Instant.now();
                        List<JobStore.Finished> finished = new ArrayList<>(c.items().size());
                        for (ClaimedItem item : c.items()) {
                            finished.add(new JobStore.Finished(item, ItemOutcome.notSent("EXECUTED", "bench", now)));
                        }
                        done.addAndGet(store.write(id, job, finished));
                    }
                }));
            }
        }
        for (Thread t : threads) {
            t.join();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (done.get() != countFinal(dbs.getFirst(), job)) {
            throw new IllegalStateException("completed " + done.get() + " but " + countFinal(dbs.getFirst(), job)
                    + " are final");
        }
        return done.get() / s;
    }

    static long countFinal(Database db, long job) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM job_items WHERE job_id = ? AND "
                + "state = 'final'").bind(0, job).mapTo(Long.class).one());
    }

    /**
     * The same number of items as db-scheduler one-time task instances, executed (doing nothing) by one scheduler
     * per replica with {@code threads} executor threads each, in its cluster mode on PostgreSQL (lock-and-fetch, i.e.
     * {@code SELECT … FOR UPDATE SKIP LOCKED}). Returns executions per second, from the schedulers' start.
     */
    public static double dbScheduler(List<Database> dbs, int items, int threads) throws InterruptedException {
        CountDownLatch left = new CountDownLatch(items);
        OneTimeTask<Void> task = Tasks.oneTime("bench-item").execute((instance, ctx) -> left.countDown());
        SchedulerClient client = SchedulerClient.Builder.create(dbs.getFirst().dataSource(), task)
                .jdbcCustomization(customization(dbs.getFirst())).build();
        List<TaskInstance<?>> batch = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            batch.add(task.instance("item-" + i));
        }
        client.scheduleBatch(batch, Instant.now().minusSeconds(1));
        List<Scheduler> schedulers = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int r = 0; r < dbs.size(); r++) {
            Database db = dbs.get(r);
            com.github.kagkarlsson.scheduler.SchedulerBuilder b = Scheduler.create(db.dataSource(), task)
                    .schedulerName(new SchedulerName.Fixed("bench-" + r)).threads(threads)
                    .pollingInterval(Duration.ofMillis(100)).jdbcCustomization(customization(db));
            if (db.dialect() == Dialect.POSTGRESQL) {
                b = b.pollUsingLockAndFetch(0.5, 1.0);
            }
            Scheduler s = b.build();
            s.start();
            schedulers.add(s);
        }
        boolean all = left.await(10, TimeUnit.MINUTES);
        double s = (System.nanoTime() - t0) / 1e9;
        schedulers.forEach(Scheduler::stop);
        if (!all) {
            throw new IllegalStateException(left.getCount() + " task instances were not executed in 10 minutes");
        }
        return items / s;
    }

    private static com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization customization(Database db) {
        return db.dialect() == Dialect.POSTGRESQL ? new PostgreSqlJdbcCustomization(false, false)
                : new DefaultJdbcCustomization(false);
    }
}
