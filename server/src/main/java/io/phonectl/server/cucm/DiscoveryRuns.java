package io.phonectl.server.cucm;

import io.phonectl.server.credential.CredentialService;
import io.phonectl.server.db.Database;
import io.phonectl.server.device.DeviceService;
import io.phonectl.server.event.EventService;
import io.phonectl.server.http.Page;
import io.phonectl.server.http.Paging;
import io.phonectl.server.replica.Replicas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Discovery runs of CUCM sources, durable like jobs: {@link #start} (by hand) and the sources' schedules
 * ({@link SyncScheduler}) record a run holding the source's lease ({@link SourceLease}, alive as long as this replica
 * is) and run it ({@link RunExecution}) in the background on a virtual thread; the run row shows its progress state
 * (running), and it ends once, succeeded or failed with the reason, with its events. A timer looks every second:
 * first for runs left running by a dead replica (killed, stopped, cut off; on H2 any earlier process), which it takes
 * over and runs again from the beginning in the same mode (a discovery is an idempotent reconcile, so there is no
 * midpoint to resume from), marked resumed, at most once: a resumed run interrupted again fails with the reason, as a
 * job marks its items interrupted; then at the schedules. It also stops a run of this replica whose lease another
 * replica took over. A run is a row of its own rather than a job: a job's items are devices resolved when it is
 * created, and a discovery has no devices until it has run (it makes them).
 */
public final class DiscoveryRuns implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryRuns.class);
    static final Duration TICK = Duration.ofSeconds(1);
    static final Duration WATCH = Duration.ofSeconds(5);

    /** A run of this replica in progress. */
    private final class Flight {
        final long source;
        final AtomicBoolean lost = new AtomicBoolean();

        boolean halted() {
            return lost.get() || stopping;
        }

        volatile Future<?> future;

        Flight(long source) {
            this.source = source;
        }
    }

    private final SourceService sources;
    private final RunStore runs;
    private final PhoneStore phones;
    private final RunEvents events;
    private final SourceLease lease;
    private final RunExecution execution;
    private final SyncScheduler scheduler;
    private final InstantSource clock;
    private final Map<Long, Flight> flights = new ConcurrentHashMap<>();
    /** Runs (to their source) whose lease this replica could not hand back yet (the database was unreachable). */
    private final Map<Long, Long> handBacks = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("cucm-discovery-", 0).factory());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("cucm-schedule").daemon().factory());

    public DiscoveryRuns(Database db, SourceService sources, CredentialService credentials, DeviceService devices,
                         EventService events, Replicas replicas, InstantSource clock, ClusterGates gates) {
        this.sources = sources;
        this.runs = new RunStore(db);
        this.phones = new PhoneStore(db);
        this.events = new RunEvents(events);
        this.clock = clock;
        this.lease = new SourceLease(db, replicas);
        this.execution = new RunExecution(sources, credentials, runs, phones, new Reconciler(devices, phones),
                this.events, lease, gates, replicas, clock);
        this.scheduler = new SyncScheduler(sources, lease, this.events, clock, this::startSlot, this::recover);
        recover();
        timer.scheduleWithFixedDelay(scheduler::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::watch, WATCH.toMillis(), WATCH.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts a run now. {@code full} forces a full pass; otherwise a source that has a sync position syncs.
     *
     * @return the run, running
     */
    public CucmRun start(long sourceId, boolean full, String actor) {
        CucmSource source = sources.get(sourceId);
        RunStore.Started s = runs.start(lease, sourceId, full || !source.syncable() ? "full" : "sync", actor,
                clock.instant(), null, null);
        launch(source, s);
        return s.run();
    }

    /** Starts the run of a scheduled slot, moving the source's next slot on; throws what stands in the way. */
    void startSlot(long sourceId, Instant slot, Instant following) {
        CucmSource source = sources.get(sourceId);
        launch(source, runs.start(lease, sourceId, source.syncable() ? "sync" : "full", SyncScheduler.ACTOR,
                clock.instant(), slot, following));
    }

    private void launch(CucmSource source, RunStore.Started s) {
        for (long stale : s.failedStale()) {
            events.failed(source, stale, RunStore.SUPERSEDED);
        }
        launch(source, s.run());
    }

    private void launch(CucmSource source, CucmRun run) {
        Flight f = new Flight(source.id());
        flights.put(run.id(), f);
        try {
            f.future = executor.submit(() -> {
                try {
                    execution.execute(source, run, f::halted);
                } finally {
                    flights.remove(run.id());
                    handBack(source.id(), run.id());
                }
            });
        } catch (RejectedExecutionException e) {
            // stopping: the run stays running, for a live replica to resume
            flights.remove(run.id());
            handBack(source.id(), run.id());
        }
    }

    /** See {@link SourceLease#handBack}; one that could not be written is tried again at the next watch. */
    private void handBack(long source, long run) {
        try {
            lease.handBack(source, run);
            handBacks.remove(run);
        } catch (RuntimeException e) {
            LOG.warn("CUCM run {}: handing its lease back: {}", run, e.toString());
            handBacks.put(run, source);
        }
    }

    /**
     * Takes over the runs a dead replica left running (and those this replica handed back): each runs again,
     * marked resumed, or ends failed when it was resumed before. Never throws (the next look tries again).
     */
    void recover() {
        try {
            for (SourceLease.Stale s : lease.stale()) {
                if (!stopping) {
                    recover(s);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("CUCM runs to resume: {}", e.toString());
        }
    }

    private void recover(SourceLease.Stale s) {
        RunStore.Recovery r = runs.recover(lease, s, clock.instant());
        if (r == RunStore.Recovery.NONE) {
            return;
        }
        CucmSource source = sources.get(s.source());
        if (r == RunStore.Recovery.FAILED) {
            LOG.warn("CUCM run {} of source {} failed: {}", s.run(), s.source(), RunStore.interruptedTwice(s));
            events.failed(source, s.run(), RunStore.interruptedTwice(s));
            return;
        }
        LOG.info("CUCM run {} of source {}: {}; running it again", s.run(), s.source(), s.reason());
        CucmRun run = runs.get(s.source(), s.run());
        events.resumed(source, run, s.reason());
        launch(source, run);
    }

    /**
     * Stops a run of this replica whose lease another replica took over (it records nothing more), and hands back the
     * leases it could not hand back before.
     */
    private void watch() {
        handBacks.forEach((run, source) -> handBack(source, run));
        for (Map.Entry<Long, Flight> e : flights.entrySet()) {
            try {
                if (!lease.holds(e.getValue().source, e.getKey())) {
                    LOG.warn("CUCM run {} lost its lease on source {}: stopping it", e.getKey(), e.getValue().source);
                    e.getValue().lost.set(true);
                    Future<?> f = e.getValue().future;
                    if (f != null) {
                        f.cancel(true);
                    }
                }
            } catch (RuntimeException x) {
                LOG.warn("checking the lease of CUCM run {}: {}", e.getKey(), x.toString());
            }
        }
    }

    /** One look at the schedules now (the timer's look, for tests that move the clock). */
    void tick() {
        scheduler.tick();
    }

    /** Looks at the schedules taken so far. */
    long ticks() {
        return scheduler.ticks();
    }

    public CucmRun run(long source, long run) {
        return runs.get(source, run);
    }

    public Page<CucmRun> runs(long source, Paging paging) {
        sources.get(source);
        return runs.list(source, paging);
    }

    public Page<CucmChange> changes(long source, long run, Paging paging) {
        return runs.changes(source, run, paging);
    }

    /** The source's phones as CUCM last described them, registration included. */
    public Page<CucmPhone> phones(long source, Paging paging) {
        sources.get(source);
        return phones.page(source, paging);
    }

    /**
     * Stops looking, then stops runs in flight and waits a little for them to stop: they record nothing and stay
     * running, for a live replica (or this service restarted) to resume once this replica is marked stopped.
     */
    @Override
    public void close() {
        stopping = true;
        timer.shutdownNow();
        executor.shutdownNow();
        try {
            if (!timer.awaitTermination(10, TimeUnit.SECONDS) || !executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("CUCM discovery runs did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
