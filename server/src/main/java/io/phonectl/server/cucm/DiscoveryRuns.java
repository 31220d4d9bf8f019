package io.phonectl.server.cucm;

import io.phonectl.server.credential.CredentialService;
import io.phonectl.server.db.Database;
import io.phonectl.server.device.DeviceService;
import io.phonectl.server.event.EventService;
import io.phonectl.server.http.Page;
import io.phonectl.server.http.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Discovery runs of CUCM sources: {@link #start} (by hand) and the sources' schedules ({@link SyncScheduler}) record a
 * run holding the source's lease ({@link SourceLease}) and run it ({@link RunExecution}) on a virtual thread; a timer
 * renews the leases of this replica's runs and looks at the schedules every second. A run is a row of its own rather
 * than a job: a job's items are devices resolved when it is created, and a discovery has no devices until it has run
 * (it makes them). A run whose service stopped fails, with the reason, once its lease has expired.
 */
public final class DiscoveryRuns implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryRuns.class);
    static final Duration TICK = Duration.ofSeconds(1);
    static final Duration RENEW = Duration.ofSeconds(5);

    /** A run of this replica in progress. */
    private static final class Flight {
        final long source;
        final AtomicBoolean lost = new AtomicBoolean();
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
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("cucm-discovery-", 0).factory());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("cucm-schedule").daemon().factory());

    public DiscoveryRuns(Database db, SourceService sources, CredentialService credentials, DeviceService devices,
                         EventService events, InstantSource clock, ClusterGates gates) {
        this.sources = sources;
        this.runs = new RunStore(db);
        this.phones = new PhoneStore(db);
        this.events = new RunEvents(events);
        this.clock = clock;
        this.lease = new SourceLease(db, "phonectl-" + ProcessHandle.current().pid() + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
        this.execution = new RunExecution(sources, credentials, runs, phones, new Reconciler(devices, phones),
                this.events, lease, gates, clock);
        this.scheduler = new SyncScheduler(sources, lease, this.events, clock, this::startSlot);
        scheduler.sweep();
        timer.scheduleWithFixedDelay(scheduler::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::renew, RENEW.toMillis(), RENEW.toMillis(), TimeUnit.MILLISECONDS);
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
            events.failed(source, stale, "its service stopped renewing the source's lease; a new run took over");
        }
        Flight f = new Flight(source.id());
        flights.put(s.run().id(), f);
        try {
            f.future = executor.submit(() -> {
                try {
                    execution.execute(source, s.run(), f.lost::get);
                } finally {
                    flights.remove(s.run().id());
                }
            });
        } catch (RejectedExecutionException e) {
            flights.remove(s.run().id());
            execution.failed(source, s.run(), RunExecution.STOPPED);
        }
    }

    /** Renews this replica's leases; a run whose lease was taken over is stopped (it records nothing more). */
    private void renew() {
        for (Map.Entry<Long, Flight> e : flights.entrySet()) {
            try {
                if (!lease.renew(e.getValue().source, e.getKey(), clock.instant())) {
                    LOG.warn("CUCM run {} lost its lease on source {}: stopping it", e.getKey(), e.getValue().source);
                    e.getValue().lost.set(true);
                    Future<?> f = e.getValue().future;
                    if (f != null) {
                        f.cancel(true);
                    }
                }
            } catch (RuntimeException x) {
                LOG.warn("renewing the lease of CUCM run {}: {}", e.getKey(), x.toString());
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

    /** Stops looking, then stops runs in flight (they fail, with the reason) and waits a little for them to say so. */
    @Override
    public void close() {
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
