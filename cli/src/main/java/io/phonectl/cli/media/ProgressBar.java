package io.phonectl.cli.media;

import io.phonectl.cli.console.StatusLine;
import io.phonectl.client.paging.PagingListener;
import io.phonectl.client.paging.PagingProgress;

import java.io.PrintWriter;
import java.util.Locale;

/** The live progress of a page on stderr, one line per phase, drawn on a {@link StatusLine}. */
final class ProgressBar implements PagingListener {
    static final int WIDTH = 30;

    private final StatusLine status;
    private PagingProgress.Phase lastPhase;

    /** {@code status} null: no progress output ({@code --no-progress}). */
    ProgressBar(StatusLine status) {
        this.status = status;
    }

    static ProgressBar on(PrintWriter err, boolean enabled) {
        return new ProgressBar(enabled ? StatusLine.on(err) : null);
    }

    @Override
    public synchronized void progress(PagingProgress p) {
        if (status == null) {
            return;
        }
        boolean phaseChanged = p.phase() != lastPhase;
        lastPhase = p.phase();
        status.show(line(p), phaseChanged);
        if (p.phase() == PagingProgress.Phase.DONE) {
            status.finish();
        }
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
        };
    }
}
