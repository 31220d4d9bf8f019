package io.phonectl.server.job;

import io.phonectl.server.event.Event;
import io.phonectl.server.event.EventService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A replica's look-out for job work: every unfinished job not already running here gets a run, at most
 * {@code threads} at once. It looks when told (a job made here, a run that did work, a job made on another replica
 * as its {@code job.created} event arrives) and otherwise every poll interval, which is also how it takes up the
 * items of a replica that died once their lease has passed.
 */
final class JobWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);

    private final JobEngine engine;
    private final EventService events;
    private final Semaphore slots;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final Semaphore wake = new Semaphore(0);
    private final Thread looker;
    private volatile boolean closed;
    private boolean failing;

    JobWorker(JobEngine engine, EventService events) {
        this.engine = engine;
        this.events = events;
        this.slots = new Semaphore(engine.config().threads());
        this.looker = Thread.ofPlatform().daemon().name("phonectl-job-worker").unstarted(this::look);
    }

    void start() {
        // jobs made on other replicas: their job.created event is the news (the same arrives for ours)
        events.onLive(batch -> {
            for (Event e : batch) {
                if (e.type().equals(JobEvents.CREATED)) {
                    wake();
                    return;
                }
            }
        });
        looker.start();
    }

    void wake() {
        wake.release();
    }

    private void look() {
        Duration poll = engine.config().pollInterval();
        while (!closed) {
            try {
                for (long id : engine.store().open()) {
                    if (closed || !slots.tryAcquire()) {
                        break;
                    }
                    if (!running.add(id)) {
                        slots.release();
                        continue;
                    }
                    Thread.ofVirtual().name("phonectl-job-" + id).start(() -> run(id));
                }
                if (failing) {
                    LOG.info("job worker: the database answers again");
                    failing = false;
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.warn("job worker: cannot list open jobs ({}); looking again every {}", e.toString(), poll);
                    failing = true;
                }
            }
            try {
                wake.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void run(long id) {
        boolean worked = false;
        try {
            worked = engine.runJob(id);
        } finally {
            running.remove(id);
            slots.release();
            if (worked) {
                wake();
            }
        }
    }

    /** Stops looking, and waits (10 s at most) for the runs in progress, which end as the engine is stopping. */
    @Override
    public void close() {
        closed = true;
        looker.interrupt();
        try {
            looker.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!running.isEmpty() && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
