package io.phonectl.server.job;

import io.micrometer.core.instrument.MeterRegistry;
import io.phonectl.client.fleet.ConcurrencyLimiter;
import io.phonectl.client.fleet.RetryPolicy;
import io.phonectl.client.xsi.TransportConfig;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.server.credential.CredentialService;
import io.phonectl.server.db.Database;
import io.phonectl.server.event.EventService;
import io.phonectl.server.replica.Replicas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Durable execution of jobs by every replica at once. Each replica's {@link JobWorker} looks for unfinished jobs
 * (told at once of jobs made here or, through the event stream, on another replica; otherwise every poll interval)
 * and runs each with a {@link JobRun}: several replicas run the same job together, each claiming batches of its
 * items with {@code FOR UPDATE SKIP LOCKED} under its own replica id. A replica that dies (its heartbeat older than
 * the lease) loses what it claimed to whichever run looks next; that run sends those items once more, marked
 * resumed. The job's life-cycle steps (running, done) are conditional updates, so each happens once whichever
 * replica gets there.
 */
public final class JobEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobEngine.class);
    /** How long a stopping server lets exchanges in flight finish. */
    static final Duration STOP_GRACE = Duration.ofSeconds(2);

    private final Database db;
    private final JobsConfig config;
    private final InstantSource clock;
    private final CredentialService credentials;
    private final Replicas replicas;
    private final JobStore store;
    private final JobActions actions;
    private final JobEvents events;
    private final JobMetrics metrics;
    private final XsiTransport transport;
    private final XsiPushPath pushPath;
    private final BiFunction<Long, Long, String> callbackUri;
    private final JobWorker worker;
    /** The limits of the job runs on this replica now, by job. */
    private final Map<Long, ConcurrencyLimiter> limits = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private volatile ItemCredentials itemCredentials;
    private volatile ItemCreation creation;
    /** What each job's run on this replica does when more of its items were inserted (wakes its claim loop). */
    private final Map<Long, Runnable> arrivals = new ConcurrentHashMap<>();
    private volatile java.util.function.LongFunction<io.phonectl.client.xapi.XapiTransport> xapiLink;

    /**
     * @param callbackUri the service's Notify URI for (job, device), or null when there is no callback receiver
     */
    public JobEngine(Database db, JobsConfig config, InstantSource clock, CredentialService credentials,
                     Replicas replicas, EventService events, MeterRegistry meters,
                     BiFunction<Long, Long, String> callbackUri, java.util.List<JobKind> kinds) {
        this.db = db;
        this.config = config;
        this.clock = clock;
        this.credentials = credentials;
        this.replicas = replicas;
        this.store = new JobStore(db, replicas);
        this.actions = JobActions.standard(kinds);
        this.events = new JobEvents(events);
        this.metrics = new JobMetrics(meters, db, limits);
        this.callbackUri = callbackUri;
        this.transport = XsiTransport.start(TransportConfig.DEFAULTS.withConnectTimeout(config.connectTimeout())
                .withRequestTimeout(config.requestTimeout()));
        this.pushPath = new XsiPushPath(transport);
        this.worker = new JobWorker(this, events);
    }

    /** Starts looking for work: every unfinished job, including those a dead process left, is taken up. */
    public void start() {
        worker.start();
    }

    /** Runs a job as soon as this replica has a free slot (other replicas join when they hear of it). */
    void schedule(long jobId) {
        worker.wake();
    }

    /**
     * More of a job's items were inserted, or its creation ended: its run here (if any) claims again, and the
     * worker looks (a run that ended while it waited starts again).
     */
    void itemsAdded(long jobId) {
        Runnable r = arrivals.get(jobId);
        if (r != null) {
            r.run();
        }
        worker.wake();
    }

    Map<Long, Runnable> arrivals() {
        return arrivals;
    }

    /** Set once at assembly by the job service, before {@link #start}: who inserts and takes over items. */
    void useCreation(ItemCreation c) {
        this.creation = c;
    }

    ItemCreation creation() {
        return creation;
    }

    /** One run of a job on this replica; true when it did something (claimed, recovered or finished). */
    boolean runJob(long jobId) {
        if (stopping) {
            return false;
        }
        try {
            return new JobRun(this, jobId, replicas.id()).run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (JobRun.Stopped e) {
            return false;
        } catch (RuntimeException e) {
            LOG.error("job {} run failed on replica {}; it is taken up again at the next look", jobId, replicas.id(), e);
            return false;
        }
    }

    /** The dispatcher of one run: the sender for the action, the attempts policy, the deadline. */
    ItemDispatch dispatch(Long jobId, JobAction action, JobOptions options, Instant deadline) {
        ItemDispatch.ItemSender sender = switch (action) {
            case JobAction.Push p -> new PushSender(pushPath, p, item -> callback(jobId, item), options.preflight(),
                    clock, metrics.latency());
            case JobAction.Collect c -> new CollectSender(transport, c, config.maxResultBytes(), clock);
            case JobAction.XapiCommand x -> new XapiSender(x, clock, xapiLink);
            case JobAction.XapiConfig x -> new XapiSender(x, clock, xapiLink);
            case JobAction.Kind k -> new ItemDispatch.ItemSender() {
                @Override
                public boolean needsCredentials() {
                    return true;
                }

                @Override
                public ItemOutcome send(ClaimedItem item, io.phonectl.client.xsi.PhoneAddress address,
                                        io.phonectl.client.credentials.Credentials c, Attempts attempts) {
                    return k.action().send(new KindItem(jobId, item, address, c, attempts, pushPath, transport,
                            xapiLink, options.preflight(), clock, metrics.latency()));
                }
            };
        };
        RetryPolicy retry = new RetryPolicy(options.attempts(), RetryPolicy.DEFAULTS.initialBackoff(),
                RetryPolicy.DEFAULTS.multiplier(), RetryPolicy.DEFAULTS.maxBackoff());
        ItemCredentials oneTime = options.oneTimeCredentials() ? itemCredentials : null;
        if (options.oneTimeCredentials() && oneTime == null) {
            throw new IllegalStateException("job " + jobId + " asks for one-time credentials; this service has no "
                    + "authentication relay");
        }
        return new ItemDispatch(action, sender, credentials, clock,
                new Attempts.Policy(Duration.ofMillis(options.timeoutMillis()), retry), deadline,
                oneTime == null ? null : item -> oneTime.issue(jobId, item.deviceId(), item.name()));
    }

    /** Set once at assembly by the live connections: a device's open WebSocket, or null (then HTTP is used). */
    public void useXapiLink(java.util.function.LongFunction<io.phonectl.client.xapi.XapiTransport> link) {
        this.xapiLink = link;
    }

    /** Set once at assembly by the authentication relay, which needs the jobs to exist first. */
    public void useItemCredentials(ItemCredentials c) {
        this.itemCredentials = c;
    }

    ItemCredentials itemCredentials() {
        return itemCredentials;
    }

    private String callback(Long jobId, ClaimedItem item) {
        if (callbackUri == null) {
            throw new IllegalStateException("the service has no callback receiver (callbackPort = -1)");
        }
        return callbackUri.apply(jobId, item.deviceId());
    }

    boolean callbacks() {
        return callbackUri != null;
    }

    boolean stopping() {
        return stopping;
    }

    JobsConfig config() {
        return config;
    }

    InstantSource clock() {
        return clock;
    }

    JobStore store() {
        return store;
    }

    JobActions actions() {
        return actions;
    }

    JobEvents events() {
        return events;
    }

    Map<Long, ConcurrencyLimiter> limits() {
        return limits;
    }

    /** The concurrency limit of the job's run on this replica now, or null when none runs here. */
    Integer limit(long jobId) {
        ConcurrencyLimiter l = limits.get(jobId);
        return l == null ? null : l.limit();
    }

    JobMetrics metrics() {
        return metrics;
    }

    Database database() {
        return db;
    }

    /** The transport every job and one-device operation shares. */
    public XsiTransport transport() {
        return transport;
    }

    XsiPushPath pushPath() {
        return pushPath;
    }

    /** This replica's id (what {@code claimed_by} shows). */
    public String name() {
        return replicas.id();
    }

    Replicas replicas() {
        return replicas;
    }

    /**
     * Stops: runs stop claiming, exchanges in flight get {@link #STOP_GRACE}, outcomes are written, and each
     * unfinished job is left to other replicas or the next start. Then the worker and the transport stop.
     */
    @Override
    public void close() {
        stopping = true;
        // the worker knows the runs in progress and waits for them
        worker.close();
        transport.close();
    }
}
