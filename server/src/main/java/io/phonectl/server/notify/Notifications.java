package io.phonectl.server.notify;

import io.phonectl.server.db.Database;
import io.phonectl.server.event.EventService;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.phonectl.server.job.JobService;
import io.phonectl.server.paging.PageService;
import io.phonectl.server.replica.Replicas;

import java.net.URI;
import java.util.List;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The notification side of a running server: the job kind (given to the job engine), the acknowledgement sink and
 * the receipts. The service's own URI is known only once its HTTP server listens, after the engine starts: it is
 * set then with {@link #baseUri(URI)} (a configured public URI wins).
 */
public final class Notifications implements AutoCloseable {

    /**
     * The HttpFeedback slot RoomOS devices post prompt answers from: the last of the four, so that slots 1..3 stay
     * for the site's own integrations (a device has four; registering overwrites the slot).
     */
    public static final int FEEDBACK_SLOT = 4;

    private final NotificationKind kind;
    private final Acknowledgements acks;
    private final Receipts receipts;
    private final Escalations escalations;
    private final Database db;
    private final AtomicReference<URI> base = new AtomicReference<>();
    private final AtomicReference<JobService> jobs = new AtomicReference<>();
    private volatile Scheduler scheduler;
    private volatile TemplateService templates;
    private volatile ScheduleService schedules;
    private final InstantSource clock;

    public Notifications(Database db, EventService events, String ackKey, InstantSource clock, URI publicUri,
                         int feedbackSlot) {
        AckTokens tokens = new AckTokens(ackKey);
        base.set(publicUri);
        this.db = db;
        this.clock = clock;
        this.receipts = new Receipts(db);
        this.escalations = new Escalations(db, receipts, events, clock, () -> {
            JobService j = jobs.get();
            if (j == null) {
                throw new IllegalStateException("notifications are not started");
            }
            return j;
        });
        this.kind = new NotificationKind(tokens, () -> {
            URI u = base.get();
            if (u == null) {
                throw new IllegalStateException("the service's URI is not known yet");
            }
            return URI.create(u.toString().replaceAll("/+$", ""));
        }, feedbackSlot, escalations::created);
        this.acks = new Acknowledgements(db, events, tokens, clock);
    }

    /**
     * Starts templates, schedules and the follow-ups (escalation checks, schedule slots) once the job service exists;
     * schedules start pages through {@code pages}.
     */
    public void start(JobService jobService, PageService pages, Replicas replica) {
        jobs.set(jobService);
        templates = new TemplateService(db, jobService, clock);
        schedules = new ScheduleService(db, jobs::get, templates, pages, clock, replica);
        scheduler = NotifyScheduler.start(db, List.of(escalations.task(), schedules.task()));
        escalations.scheduler(scheduler);
        schedules.scheduler(scheduler);
    }

    public TemplateService templates() {
        return templates;
    }

    public ScheduleService schedules() {
        return schedules;
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.stop();
        }
    }

    public Escalations escalations() {
        return escalations;
    }

    /** The URI devices reach the service at, unless one was configured. */
    public void baseUri(URI uri) {
        base.compareAndSet(null, uri);
    }

    public NotificationKind kind() {
        return kind;
    }

    public AckSink acks() {
        return acks;
    }

    /** The live connections' event listener that records prompt answers arriving over a device's WebSocket. */
    public PromptAnswers promptAnswers() {
        return new PromptAnswers(acks);
    }

    public Receipts receipts() {
        return receipts;
    }
}
