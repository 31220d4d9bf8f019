package io.phonectl.server.job;

import io.phonectl.client.fleet.ConcurrencyLimiter;
import io.phonectl.client.xsi.OutcomeKind;
import io.phonectl.server.db.DatabaseException;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Json;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One replica's run of a job, on a virtual thread of the {@link JobWorker}: take over what dead replicas left in
 * flight, then claim pending items in batches as its concurrency limit frees slots ({@link RunLimit}: adaptive per
 * site, or the job's fixed {@code concurrency}), dispatch each on a virtual thread, and let the {@link OutcomeWriter} store outcomes in batches. Other replicas
 * may run the same job at the same time; whichever run sees every item final ends the job. When the server stops
 * it returns early with {@link Stopped}; when this replica cannot heartbeat for longer than its fence it stops
 * sending (its claims are about to be taken over) and returns.
 */
final class JobRun {

    private static final Logger LOG = LoggerFactory.getLogger(JobRun.class);
    /** Longest wait between looks at the stop flag, the deadline and the job's progress. */
    private static final long LOOK_MS = 100;

    /** The server is stopping: the run ended without finishing the job. */
    static final class Stopped extends RuntimeException {
        Stopped(long jobId) {
            super("job " + jobId + " stopped with the server; it resumes at the next start");
        }
    }

    /** How the claim loop ended. */
    private enum End { DONE, STOPPING, FENCED }

    private final JobEngine engine;
    private final long jobId;
    private final String runId;
    private volatile long lastProgress;
    /** Released when an item ends, a permit is given back or more items were inserted: the claim loop looks. */
    private final Semaphore wake = new Semaphore(0);
    /** More items were inserted since the claim loop last found none (their creation goes on while it sends). */
    private volatile boolean itemsAdded;
    private boolean joined;
    private JobStore.Recovery recovery = new JobStore.Recovery(0, 0);
    private boolean failing;

    JobRun(JobEngine engine, long jobId, String runId) {
        this.engine = engine;
        this.jobId = jobId;
        this.runId = runId;
    }

    /** Runs until this replica has nothing more to do for the job; true when it did something. */
    boolean run() throws InterruptedException {
        JobStore store = engine.store();
        JobStore.JobRow row = store.load(jobId).orElse(null);
        if (row != null && row.creatingBy() != null && engine.creation() != null) {
            engine.creation().resumeIfOrphaned(jobId); // its creator died: the rest of its items first
        }
        if (row == null || !row.open()) {
            return false;
        }
        JobOptions options = Json.mapper().readValue(row.options(), JobOptions.class);
        JobSpec spec = Json.mapper().readValue(row.spec(), JobSpec.class);
        Instant now = engine.clock().instant();
        if (!store.markRunning(jobId, now, now.plusSeconds(options.deadlineSeconds()))) {
            return false;
        }
        Instant deadline = store.deadline(jobId);
        recovery = store.recover(jobId, runId, now);
        if (recovery.resumed() + recovery.interrupted() > 0 || row.state().equals("queued")) {
            join();
        }
        ItemDispatch dispatch;
        try {
            dispatch = engine.dispatch(jobId, engine.actions().build(spec, options.callback()), options, deadline);
        } catch (ApiException e) {
            store.finishPending(jobId, OutcomeKind.INVALID.name(), "cannot be built any more: " + e.getMessage(), now);
            return finish() || joined;
        }
        End end;
        // not try-with-resources: closing an executor waits for every task, and a stopping server waits only
        // STOP_GRACE for exchanges in flight (their items stay in flight and are resumed at the next start)
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        OutcomeWriter writer = new OutcomeWriter(store, jobId, runId, engine.config(), done -> written(row, done),
                () -> engine.replicas().holdsClaims() && !engine.stopping());
        RunLimit limit = RunLimit.of(options, engine.config().threads());
        engine.limits().put(jobId, limit.limiter());
        Runnable arrival = () -> {
            itemsAdded = true;
            wake.release();
        };
        engine.arrivals().put(jobId, arrival);
        try {
            end = loop(store, dispatch, options, deadline, writer, pool, limit);
        } finally {
            engine.arrivals().remove(jobId, arrival);
            pool.shutdown();
            try {
                writer.close(); // the last progress event still says the limit
            } finally {
                engine.limits().remove(jobId, limit.limiter());
            }
        }
        if (end == End.STOPPING) {
            throw new Stopped(jobId);
        }
        if (end == End.FENCED) {
            LOG.warn("job {}: replica {} could not heartbeat for {}; it stopped sending, and its claims go to "
                    + "whichever replica looks next", jobId, runId, engine.replicas().config().fence());
            return joined;
        }
        return finish() || joined;
    }

    /** This run has work: the job counts one more run, and the stream says so (with what was taken over). */
    private void join() {
        if (!joined) {
            joined = true;
            engine.metrics().runStarted();
            engine.events().started(jobId, engine.store().join(jobId), recovery);
        }
    }

    /**
     * Claims and dispatches until nothing is left to claim and nothing of ours is in flight. Items are claimed
     * ahead in batches sized from the run's current limit (one commit per batch, not per freed slot; twice the limit
     * held here at most, once with a database-counted site ceiling, which items held here count against), into
     * per-site queues an item leaves with a permit of the limit. A claimed item is in flight in the database from
     * then on; a cancel ends the queued ones CANCELLED without sending them, a clean stop gives them back as pending,
     * and a crash resumes them (sent once then). A database that does not answer is waited for while this replica
     * holds its claims.
     */
    private End loop(JobStore store, ItemDispatch dispatch, JobOptions options, Instant deadline,
                     OutcomeWriter writer, ExecutorService pool, RunLimit limit) throws InterruptedException {
        ConcurrencyLimiter limiter = limit.limiter();
        AtomicInteger running = new AtomicInteger();
        SiteQueue queued = new SiteQueue(limit);
        Integer siteLimit = options.siteConcurrency();
        boolean exhausted = false;
        // caught up with the job's creation: claim again when told of more items, or at the next look
        boolean awaiting = false;
        long nextAwaitLook = 0;
        boolean deadlinePassed = false;
        long nextCancelLook = 0;
        while (true) {
            if (engine.stopping()) {
                tolerate(() -> store.release(runId, queued.drain()));
                awaitIdle(running, wake, JobEngine.STOP_GRACE.toNanos());
                return End.STOPPING;
            }
            if (!engine.replicas().holdsClaims()) {
                queued.drain();
                awaitIdle(running, wake, TimeUnit.MILLISECONDS.toNanos((long) options.timeoutMillis()
                        * options.attempts()));
                return End.FENCED;
            }
            try {
                if (System.nanoTime() >= nextCancelLook) {
                    nextCancelLook = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LOOK_MS);
                    if (!queued.isEmpty() && store.cancelRequested(jobId)) {
                        Instant now = engine.clock().instant();
                        for (ClaimedItem item : queued.drain()) {
                            writer.add(item, ItemOutcome.notSent(Outcomes.CANCELLED, "not sent: the job was cancelled",
                                    now));
                        }
                        exhausted = true;
                    }
                }
                if (!deadlinePassed && !engine.clock().instant().isBefore(deadline)) {
                    store.finishPending(jobId, OutcomeKind.DEADLINE_EXCEEDED.name(), "not sent: the job's deadline "
                            + deadline + " passed", engine.clock().instant());
                    deadlinePassed = true;
                }
                int now = limiter.limit();
                int room = (siteLimit != null ? 1 : 2) * now + limiter.stragglers() - running.get() - queued.size();
                boolean claimNow = !exhausted && !deadlinePassed && room >= Math.max(1, Math.min(
                        engine.config().claimBatch(), now / 2));
                if (claimNow && awaiting) {
                    claimNow = itemsAdded || System.nanoTime() >= nextAwaitLook;
                }
                if (claimNow) {
                    awaiting = false;
                    itemsAdded = false;
                    JobStore.Claim claim = store.claim(jobId, runId, Math.min(engine.config().claimBatch(), room),
                            siteLimit, options.pacing());
                    if (!claim.items().isEmpty()) {
                        join();
                    }
                    queued.addAll(claim.items());
                    if (!claim.more()) {
                        // none left now: the end, unless the job's items are still being inserted
                        awaiting = engine.creation() != null && engine.creation().open(jobId);
                        exhausted = !awaiting;
                        nextAwaitLook = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LOOK_MS);
                    }
                }
                if (failing) {
                    LOG.info("job {}: the database answers again", jobId);
                    failing = false;
                }
            } catch (JdbiException | DatabaseException e) {
                if (!failing) {
                    LOG.warn("job {}: the database does not answer ({}); waiting while replica {} holds its claims",
                            jobId, e.getClass().getSimpleName(), runId);
                    failing = true;
                }
                wake.tryAcquire(LOOK_MS, TimeUnit.MILLISECONDS);
                continue;
            }
            int started = queued.startReady((item, site, permit) -> {
                running.incrementAndGet();
                ItemSlot slot = new ItemSlot(limiter, site, permit, wake::release);
                pool.execute(() -> {
                    try {
                        writer.add(item, dispatchOne(dispatch, item, slot));
                    } finally {
                        slot.close();
                        running.decrementAndGet();
                        wake.release();
                    }
                });
            });
            if (queued.isEmpty() && running.get() == 0 && (exhausted || deadlinePassed)) {
                return End.DONE;
            }
            if (started == 0) {
                // a permit given back or an item finished wakes the loop; a straggler's slot shows at the next look
                wake.tryAcquire(LOOK_MS, TimeUnit.MILLISECONDS);
                wake.drainPermits();
            }
        }
    }

    /** Waits at most {@code nanos} for the items handed out to end. */
    private static void awaitIdle(AtomicInteger running, Semaphore wake, long nanos) throws InterruptedException {
        long until = System.nanoTime() + nanos;
        while (running.get() > 0 && System.nanoTime() < until) {
            wake.tryAcquire(Math.min(LOOK_MS, Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()))),
                    TimeUnit.MILLISECONDS);
        }
    }

    private static void tolerate(Runnable r) {
        try {
            r.run();
        } catch (JdbiException | DatabaseException e) {
            LOG.warn("could not give back claimed items ({}); they are resumed once the lease passes", e.toString());
        }
    }

    private ItemOutcome dispatchOne(ItemDispatch dispatch, ClaimedItem item, ItemSlot slot) {
        try {
            return dispatch.dispatch(item, slot);
        } catch (RuntimeException e) {
            LOG.error("job {} item {}: {}", jobId, item.id(), e.toString(), e);
            return ItemOutcome.notSent(Outcomes.INTERNAL, "internal error: " + e.getClass().getSimpleName(),
                    engine.clock().instant());
        }
    }

    /** After each batch written: meters, and at most one progress event per interval. */
    private void written(JobStore.JobRow row, List<JobStore.Finished> done) {
        engine.metrics().finished(done);
        long now = System.nanoTime();
        if (now - lastProgress >= engine.config().progressInterval().toNanos()) {
            lastProgress = now;
            engine.events().progress(jobId, row.total(), engine.store().counts(jobId), engine.limit(jobId));
        }
    }

    /**
     * Ends the job if every item is final (whichever run gets here first); true when this run ended it. A run that
     * ends a job joined it even when nothing was left to send (the items' outcomes were stored before a stop).
     */
    private boolean finish() {
        if (engine.store().finish(jobId, engine.clock().instant())) {
            join();
            JobStore.JobRow row = engine.store().load(jobId).orElseThrow();
            engine.events().finished(jobId, row.state(), row.total(), engine.store().counts(jobId), "system");
            return true;
        }
        return false;
    }
}
