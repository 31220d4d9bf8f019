package io.phonectl.cli.media;

import io.phonectl.client.paging.PagingListener;
import io.phonectl.client.paging.PagingProgress;

import java.io.PrintWriter;
import java.util.Locale;

/** One self-overwriting status line on stderr; at most five redraws a second, plus one per phase change. */
final class ProgressBar implements PagingListener {
    static final int WIDTH = 30;
    private static final long MIN_INTERVAL_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final java.util.function.LongSupplier nanoTime;
    private PagingProgress.Phase lastPhase;
    private long lastDraw;

    ProgressBar(PrintWriter err, boolean enabled) {
        this(err, enabled, System::nanoTime);
    }

    /** With a clock, so the throttling can be tested without waiting. */
    ProgressBar(PrintWriter err, boolean enabled, java.util.function.LongSupplier nanoTime) {
        this.err = err;
        this.enabled = enabled;
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized void progress(PagingProgress p) {
        if (!enabled) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (p.phase() == lastPhase && now - lastDraw < MIN_INTERVAL_NANOS) {
            return;
        }
        lastPhase = p.phase();
        lastDraw = now;
        err.print('\r' + line(p) + (p.phase() == PagingProgress.Phase.DONE ? "\n" : ""));
        err.flush();
    }

    static String line(PagingProgress p) {
        return switch (p.phase()) {
            case STARTING -> String.format(Locale.ROOT, "starting  %d/%d phones answered", p.answered(), p.phones());
            case STREAMING -> {
                double fraction = p.secondsTotal() <= 0 ? 1 : Math.min(1, p.secondsSent() / p.secondsTotal());
                int filled = (int) Math.round(fraction * WIDTH);
                yield String.format(Locale.ROOT, "paging    [%s%s] %5.1f/%.1f s  %d phones receiving", "#".repeat(filled),
                        "-".repeat(WIDTH - filled), p.secondsSent(), p.secondsTotal(), p.receiving());
            }
            case STOPPING -> String.format(Locale.ROOT, "stopping  %d phones told to stop", p.stopped());
            case DONE -> String.format(Locale.ROOT, "done      %.1f s sent, %d phones stopped", p.secondsSent(), p.stopped());
        } + "          ";
    }
}
