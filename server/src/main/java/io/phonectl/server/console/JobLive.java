package io.phonectl.server.console;

import io.phonectl.server.event.EventFilter;
import io.phonectl.server.event.EventHub;
import io.phonectl.server.event.Subscription;
import io.phonectl.server.http.Reply;
import io.phonectl.server.job.Job;
import io.phonectl.server.job.JobViews;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A job's live counts for its page: Server-Sent Events whose data is the HTML of the counts ({@code job-counts.jte}),
 * which htmx's SSE extension swaps in place. The job's events (from the event hub) wake the stream; the counts are
 * read from the database (the one source of truth, whichever replica ran the items), at most every
 * {@link #MIN_INTERVAL} and at least every {@link #MAX_WAIT}, and sent when they changed. When the job ends, the
 * final counts go out as {@code done} and the stream ends (the page closes its EventSource on it).
 */
final class JobLive {

    static final Duration MIN_INTERVAL = Duration.ofMillis(200);
    static final Duration MAX_WAIT = Duration.ofMillis(250);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final int QUEUE = 64;

    private final JobViews views;
    private final EventHub hub;

    JobLive(JobViews views, EventHub hub) {
        this.views = views;
        this.hub = hub;
    }

    Reply stream(long jobId, Frame frame) {
        return Html.secure(Reply.stream("text/event-stream", out -> run(jobId, frame, out))
                .header("X-Accel-Buffering", "no"));
    }

    private void run(long jobId, Frame frame, OutputStream out) throws IOException {
        Subscription live = hub.subscribe(EventFilter.job(jobId), QUEUE);
        try {
            String previous = null;
            long lastSent = System.nanoTime();
            while (true) {
                long rendered = System.nanoTime();
                Job j = views.get(jobId);
                JobsPage.Counts counts = JobsPage.counts(j, frame);
                String html = Html.fragment("job-counts.jte", counts);
                if (!counts.open()) {
                    String last = Html.fragment("job-counts.jte", new JobsPage.Counts(counts.job(), counts.outcomes(),
                            false, counts.done(), true, counts.operator(), counts.csrf()));
                    send(out, "counts", last);
                    send(out, "done", last);
                    return;
                }
                if (!html.equals(previous)) {
                    send(out, "counts", html);
                    previous = html;
                    lastSent = System.nanoTime();
                } else if (System.nanoTime() - lastSent > HEARTBEAT.toNanos()) {
                    out.write(": heartbeat\n\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    lastSent = System.nanoTime();
                }
                Subscription.Next next = live.next(MAX_WAIT);
                if (next instanceof Subscription.Next.Closed) {
                    return; // the server is stopping
                }
                if (next instanceof Subscription.Next.Overflowed) {
                    live.close(); // it only wakes us: the counts come from the table
                    live = hub.subscribe(EventFilter.job(jobId), QUEUE);
                }
                long wait = MIN_INTERVAL.toNanos() - (System.nanoTime() - rendered);
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            live.close();
        }
    }

    /** One SSE event; each line of the HTML is a {@code data:} line (the client joins them with line breaks). */
    static void send(OutputStream out, String event, String html) throws IOException {
        StringBuilder sb = new StringBuilder("event: ").append(event).append('\n');
        for (String line : html.split("\n", -1)) {
            sb.append("data: ").append(line).append('\n');
        }
        sb.append('\n');
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
