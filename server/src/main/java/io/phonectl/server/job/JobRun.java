package io.phonectl.server.job;

import io.phonectl.client.xsi.OutcomeKind;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One execution of a job, on a scheduler thread: recover what a dead run left in flight, then claim pending items
 * in batches as slots free up (at most {@code concurrency} in flight), dispatch each on a virtual thread, and let
 * the {@link OutcomeWriter} store outcomes in batches. Ends the job when nothing is pending or in flight. When the
 * server stops it returns early with {@link Stopped}: the job stays running and resumes at the next start.
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

    private final JobEngine engine;
    private final long jobId;
    private final String runId;
    private volatile long lastProgress;

    JobRun(JobEngine engine, long jobId, String runId) {
        this.engine = engine;
        this.jobId = jobId;
        this.runId = runId;
    }

    void run() throws InterruptedException {
        JobStore store = engine.store();
        JobStore.JobRow row = store.load(jobId).orElse(null);
        if (row == null || !row.open()) {
            return;
        }
        JobOptions options = Json.mapper().readValue(row.options(), JobOptions.class);
        JobSpec spec = Json.mapper().readValue(row.spec(), JobSpec.class);
        Instant now = engine.clock().instant();
        if (!store.markRunning(jobId, now, now.plusSeconds(options.deadlineSeconds()))) {
            return;
        }
        engine.metrics().runStarted();
        Instant deadline = store.deadline(jobId);
        JobStore.Recovery recovery = store.recover(jobId, now);
        engine.events().started(jobId, row.runs() + 1, recovery);
        ItemDispatch dispatch;
        try {
            dispatch = engine.dispatch(jobId, engine.actions().build(spec, options.callback()), options, deadline);
        } catch (ApiException e) {
            store.finishPending(jobId, OutcomeKind.INVALID.name(), "cannot be built any more: " + e.getMessage(), now);
            finish(row.total());
            return;
        }
        boolean stopped;
        // not try-with-resources: closing an executor waits for every task, and a stopping server waits only
        // STOP_GRACE for exchanges in flight (their items stay in flight and are resumed at the next start)
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        OutcomeWriter writer = new OutcomeWriter(store, jobId, runId, engine.config(), done -> written(row, done));
        try {
            stopped = loop(store, dispatch, options, deadline, writer, pool);
        } finally {
            pool.shutdown();
            writer.close();
        }
        if (stopped) {
            throw new Stopped(jobId);
        }
        Map<String, Long> counts = store.counts(jobId);
        if (counts.containsKey("pending") || counts.containsKey("in_flight")) {
            throw new IllegalStateException("job " + jobId + ": outcomes of " + counts.getOrDefault("in_flight", 0L)
                    + " items were not stored; the job runs again");
        }
        finish(row.total());
    }

    /**
     * Claims and dispatches until nothing is left; true when it stopped because the server stops. Items are claimed
     * ahead, {@code claimBatch} at a time (one commit per batch, not per freed slot), into a local queue that feeds the
     * slots. A claimed item is in flight in the database from then on; a cancel ends the queued ones CANCELLED
     * without sending them, a clean stop gives them back as pending, and a crash resumes them (sent once then).
     */
    private boolean loop(JobStore store, ItemDispatch dispatch, JobOptions options, Instant deadline,
                         OutcomeWriter writer, ExecutorService pool) throws InterruptedException {
        int concurrency = options.concurrency();
        Semaphore slots = new Semaphore(concurrency);
        Semaphore completions = new Semaphore(0);
        Map<String, Semaphore> sites = new ConcurrentHashMap<>();
        Deque<ClaimedItem> queued = new ArrayDeque<>();
        int batch = Math.max(1, Math.min(engine.config().claimBatch(), concurrency * 2));
        int lowWater = Math.max(1, Math.min(concurrency, batch));
        boolean exhausted = false;
        boolean deadlinePassed = false;
        long nextCancelLook = 0;
        while (true) {
            if (engine.stopping()) {
                store.release(runId, List.copyOf(queued));
                slots.tryAcquire(concurrency, JobEngine.STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            }
            if (System.nanoTime() >= nextCancelLook) {
                nextCancelLook = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LOOK_MS);
                if (!queued.isEmpty() && store.cancelRequested(jobId)) {
                    Instant now = engine.clock().instant();
                    for (ClaimedItem item : queued) {
                        writer.add(item, ItemOutcome.notSent(Outcomes.CANCELLED, "not sent: the job was cancelled", now));
                    }
                    queued.clear();
                    exhausted = true;
                }
            }
            if (!deadlinePassed && !engine.clock().instant().isBefore(deadline)) {
                deadlinePassed = true;
                store.finishPending(jobId, OutcomeKind.DEADLINE_EXCEEDED.name(), "not sent: the job's deadline "
                        + deadline + " passed", engine.clock().instant());
            }
            if (!exhausted && !deadlinePassed && queued.size() < lowWater) {
                Instant lease = engine.clock().instant().plus(Duration.ofMillis(options.timeoutMillis())
                        .multipliedBy(options.attempts()).plus(engine.config().deadAfter()));
                List<ClaimedItem> claimed = store.claim(jobId, runId, batch, lease);
                queued.addAll(claimed);
                exhausted = claimed.size() < batch;
            }
            if (queued.isEmpty()) {
                if ((exhausted || deadlinePassed) && slots.availablePermits() == concurrency) {
                    return false;
                }
                completions.tryAcquire(LOOK_MS, TimeUnit.MILLISECONDS);
                continue;
            }
            if (!slots.tryAcquire(LOOK_MS, TimeUnit.MILLISECONDS)) {
                continue;
            }
            ClaimedItem item = queued.poll();
            pool.execute(() -> {
                try {
                    writer.add(item, dispatchOne(dispatch, item, options, sites));
                } finally {
                    slots.release();
                    completions.release();
                }
            });
        }
    }

    private ItemOutcome dispatchOne(ItemDispatch dispatch, ClaimedItem item, JobOptions options,
                                    Map<String, Semaphore> sites) {
        Semaphore site = options.siteConcurrency() == null ? null
                : sites.computeIfAbsent(item.site(), s -> new Semaphore(options.siteConcurrency()));
        try {
            if (site != null) {
                site.acquire();
            }
            try {
                return dispatch.dispatch(item);
            } finally {
                if (site != null) {
                    site.release();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ItemOutcome.notSent(Outcomes.INTERNAL, "interrupted while the server stopped",
                    engine.clock().instant());
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
            engine.events().progress(jobId, row.total(), engine.store().counts(jobId));
        }
    }

    private void finish(int total) {
        if (engine.store().finish(jobId, engine.clock().instant())) {
            String state = engine.store().load(jobId).map(JobStore.JobRow::state).orElse("done");
            engine.events().finished(jobId, state, total, engine.store().counts(jobId), "system");
        }
    }
}
