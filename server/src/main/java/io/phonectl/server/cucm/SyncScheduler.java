package io.phonectl.server.cucm;

import io.phonectl.server.http.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every replica does each second for the sources' schedules: resume the runs a dead replica left
 * ({@link DiscoveryRuns#recover}), then start a run for each slot that has come. Every replica looks; the slot's
 * conditional UPDATE lets one of them start it ({@link SourceLease#take}). A slot that comes while the source has a
 * run (by hand, or the previous slot's still going) starts nothing: it is moved on and reported as
 * {@code cucm.skipped}. Slots missed while no replica ran are not caught up one by one: the latest starts one run,
 * and the schedule keeps its rhythm.
 */
final class SyncScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);
    static final String ACTOR = "schedule";

    /** Starts a run for a slot (see {@link DiscoveryRuns#startSlot}); throws what stands in the way. */
    interface Starter {
        void start(long source, Instant slot, Instant following);
    }

    private final SourceService sources;
    private final SourceLease lease;
    private final RunEvents events;
    private final InstantSource clock;
    private final Starter starter;
    private final Runnable recover;
    private final AtomicLong ticks = new AtomicLong();

    SyncScheduler(SourceService sources, SourceLease lease, RunEvents events, InstantSource clock, Starter starter,
                  Runnable recover) {
        this.sources = sources;
        this.lease = lease;
        this.events = events;
        this.clock = clock;
        this.starter = starter;
        this.recover = recover;
    }

    /** One look; never throws (the next look tries again). */
    void tick() {
        try {
            recover.run();
            Instant now = clock.instant();
            for (SourceService.Due d : sources.due(now)) {
                Instant following = d.schedule().next(d.slot(), now.isAfter(d.slot()) ? now : d.slot());
                try {
                    starter.start(d.source(), d.slot(), following);
                } catch (ApiException.Conflict | ApiException.NotFound e) {
                    if (lease.skip(d.source(), d.slot(), following)) {
                        LOG.info("CUCM source {}: the slot {} started no run: {}", d.source(), d.slot(), e.getMessage());
                        skipped(d.source(), d.slot(), e.getMessage());
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("CUCM schedule: {}", e.toString());
        } finally {
            ticks.incrementAndGet();
        }
    }

    private void skipped(long source, Instant slot, String reason) {
        try {
            events.skipped(sources.get(source), slot, reason);
        } catch (ApiException.NotFound e) {
            // deleted meanwhile
        }
    }

    /** Looks taken so far (tests wait for a replica to have looked again). */
    long ticks() {
        return ticks.get();
    }
}
