package io.phonectl.server.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Writes a run's final outcomes in batches: every {@code flushInterval}, or as soon as {@code flushItems} wait.
 * Until its batch is written an item stays in flight in the database, so a crash before the write sends it again
 * once (resumed) rather than losing it. A failed write is retried with the same outcomes.
 */
final class OutcomeWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeWriter.class);
    /** Put once by {@link #close}: wakes the writer at once rather than at the end of its interval's wait. */
    private static final JobStore.Finished CLOSING = new JobStore.Finished(null, null);

    private final JobStore store;
    private final long jobId;
    private final String runId;
    private final Duration interval;
    private final int batch;
    private final Consumer<List<JobStore.Finished>> written;
    private final BooleanSupplier keepTrying;
    private final LinkedBlockingQueue<JobStore.Finished> queue = new LinkedBlockingQueue<>();
    /** Outcomes added and not written yet, queued or in the writer's hands (what a closing wait reports). */
    private final AtomicInteger unwritten = new AtomicInteger();
    private final Thread thread;
    private volatile boolean closing;

    /**
     * @param keepTrying whether outcomes that could not be written yet are still worth waiting for when closing:
     *                   while this replica holds its claims and the server is not stopping (after that, the items
     *                   stay in flight and are resumed, once, by whichever run takes them over)
     */
    OutcomeWriter(JobStore store, long jobId, String runId, JobsConfig config, Consumer<List<JobStore.Finished>> written,
                  BooleanSupplier keepTrying) {
        this.store = store;
        this.jobId = jobId;
        this.runId = runId;
        this.interval = config.flushInterval();
        this.batch = config.flushItems();
        this.written = written;
        this.keepTrying = keepTrying;
        this.thread = Thread.ofVirtual().name("phonectl-job-" + jobId + "-writer").start(this::loop);
    }

    void add(ClaimedItem item, ItemOutcome outcome) {
        unwritten.incrementAndGet();
        queue.add(new JobStore.Finished(item, outcome));
    }

    private void loop() {
        List<JobStore.Finished> pending = new ArrayList<>();
        long due = System.nanoTime() + interval.toNanos();
        while (true) {
            try {
                JobStore.Finished f = queue.poll(Math.max(1, due - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (f != null) {
                    pending.add(f);
                    queue.drainTo(pending, Math.max(0, batch - pending.size()));
                    // the run's last outcomes are written as soon as it closes, not up to an interval later
                    pending.removeIf(p -> p == CLOSING);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            boolean stop = closing && queue.isEmpty();
            if (!pending.isEmpty() && (pending.size() >= batch || System.nanoTime() >= due || stop)) {
                pending = flush(pending);
            }
            if (System.nanoTime() >= due) {
                due = System.nanoTime() + interval.toNanos();
            }
            if (stop && !pending.isEmpty() && keepTrying.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
                continue;
            }
            if (stop || Thread.currentThread().isInterrupted()) {
                if (!pending.isEmpty()) {
                    LOG.error("job {}: {} outcomes could not be written; those items stay in flight and are sent "
                            + "again, once, when the job resumes", jobId, pending.size());
                }
                return;
            }
        }
    }

    /** Writes a batch; returns what is left to write (the batch again when the database refused it). */
    private List<JobStore.Finished> flush(List<JobStore.Finished> pending) {
        try {
            store.write(runId, jobId, pending);
        } catch (RuntimeException e) {
            LOG.warn("job {}: writing {} outcomes failed, retrying: {}", jobId, pending.size(), e.toString());
            try {
                Thread.sleep(interval.multipliedBy(5));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            return pending;
        }
        unwritten.addAndGet(-pending.size());
        try {
            written.accept(pending);
        } catch (RuntimeException e) {
            LOG.warn("job {}: {} outcomes were written; reporting them failed: {}", jobId, pending.size(), e.toString());
        }
        return new ArrayList<>();
    }

    /** Writes everything queued and stops (waiting out a database outage while {@code keepTrying} holds). */
    @Override
    public void close() {
        closing = true;
        queue.add(CLOSING);
        try {
            while (!thread.join(Duration.ofSeconds(10)) && keepTrying.getAsBoolean()) {
                LOG.info("job {}: still waiting for the database to store {} outcomes", jobId, unwritten.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
