package io.phonectl.server.job;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.micrometer.core.instrument.MeterRegistry;
import io.phonectl.client.fleet.RetryPolicy;
import io.phonectl.client.xsi.TransportConfig;
import io.phonectl.client.xsi.XsiTransport;
import io.phonectl.server.credential.CredentialService;
import io.phonectl.server.db.Database;
import io.phonectl.server.db.Dialect;
import io.phonectl.server.event.EventService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * Durable execution of jobs on db-scheduler: each unfinished job has one one-time task instance ("run job N") in
 * {@code scheduled_tasks}. The scheduler picks it exclusively, heartbeats while it runs, and when a process dies
 * another start (this one after a restart, or a replica) sees the missed heartbeats and runs it again: the run
 * then resumes the job from its items' states. The scheduler's name is new at every start, so a restarted process
 * never mistakes the dead run's claim for its own.
 */
public final class JobEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobEngine.class);
    static final String TASK = "phonectl-job";
    /** How long a stopping server lets exchanges in flight finish. */
    static final Duration STOP_GRACE = Duration.ofSeconds(2);
    /** A run that failed (the database went away) is tried again after this. */
    static final Duration RETRY = Duration.ofSeconds(1);

    private final Database db;
    private final JobsConfig config;
    private final InstantSource clock;
    private final CredentialService credentials;
    private final JobStore store;
    private final JobActions actions;
    private final JobEvents events;
    private final JobMetrics metrics;
    private final XsiTransport transport;
    private final XsiPushPath pushPath;
    private final BiFunction<Long, Long, String> callbackUri;
    private final String name;
    private final OneTimeTask<Void> task;
    private final Scheduler scheduler;
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean stopping;
    private volatile ItemCredentials itemCredentials;
    private volatile java.util.function.LongFunction<io.phonectl.client.xapi.XapiTransport> xapiLink;

    /**
     * @param callbackUri the service's Notify URI for (job, device), or null when there is no callback receiver
     */
    public JobEngine(Database db, JobsConfig config, InstantSource clock, CredentialService credentials,
                     EventService events, MeterRegistry meters, BiFunction<Long, Long, String> callbackUri,
                     java.util.List<JobKind> kinds) {
        this.db = db;
        this.config = config;
        this.clock = clock;
        this.credentials = credentials;
        this.store = new JobStore(db);
        this.actions = JobActions.standard(kinds);
        this.events = new JobEvents(events);
        this.metrics = new JobMetrics(meters, db);
        this.callbackUri = callbackUri;
        this.transport = XsiTransport.start(TransportConfig.DEFAULTS.withConnectTimeout(config.connectTimeout())
                .withRequestTimeout(config.requestTimeout()));
        this.pushPath = new XsiPushPath(transport);
        this.name = "phonectl-" + ProcessHandle.current().pid() + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        this.task = Tasks.oneTime(TASK).onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY))
                .onDeadExecutionRevive().execute((instance, ctx) -> runJob(Long.parseLong(instance.getId())));
        this.scheduler = Scheduler.create(db.dataSource(), task).schedulerName(new SchedulerName.Fixed(name))
                .threads(config.threads()).pollingInterval(config.pollInterval())
                .heartbeatInterval(config.heartbeat()).missedHeartbeatsLimit(config.missedHeartbeats())
                .enableImmediateExecution().shutdownMaxWait(STOP_GRACE.plusSeconds(1))
                .jdbcCustomization(db.dialect() == Dialect.POSTGRESQL ? new PostgreSqlJdbcCustomization(false, false)
                        // H2: the generic SQL; the columns keep their zone, so no UTC conversion is needed
                        : new DefaultJdbcCustomization(false))
                .build();
    }

    /** Starts executing, and makes sure every unfinished job has its task (a crash between commit and scheduling). */
    public void start() {
        scheduler.start();
        for (long id : store.open()) {
            scheduler.scheduleIfNotExists(task.instance(Long.toString(id)), Instant.now());
        }
    }

    /** Runs a job as soon as a scheduler thread is free (this process, or any replica). */
    void schedule(long jobId) {
        scheduler.scheduleIfNotExists(task.instance(Long.toString(jobId)), Instant.now());
    }

    private void runJob(long jobId) {
        if (stopping) {
            throw new JobRun.Stopped(jobId);
        }
        running.incrementAndGet();
        try {
            new JobRun(this, jobId, name + "/" + jobId).run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobRun.Stopped(jobId);
        } catch (JobRun.Stopped e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("job {} run failed; it runs again in {}", jobId, RETRY, e);
            throw e;
        } finally {
            running.decrementAndGet();
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

    /** The scheduler's name in this process (what {@code picked_by} and {@code claimed_by} show). */
    public String name() {
        return name;
    }

    /**
     * Stops: runs stop claiming, exchanges in flight get {@link #STOP_GRACE}, outcomes are written, and each
     * unfinished job is left to resume at the next start. Then the scheduler and the transport stop.
     */
    @Override
    public void close() {
        stopping = true;
        long until = System.nanoTime() + STOP_GRACE.plusSeconds(2).toNanos();
        while (running.get() > 0 && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        scheduler.stop();
        transport.close();
    }
}
