package io.phonectl.cli.xsi;

import io.phonectl.cli.console.StatusLine;
import io.phonectl.client.fleet.FleetListener;
import io.phonectl.client.fleet.FleetProgress;
import io.phonectl.client.fleet.PhoneResult;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/** The live progress of a fleet push on stderr: counts, rate and ETA, drawn on a {@link StatusLine}. */
public final class ProgressBar implements FleetListener {

    static final int WIDTH = 30;

    private final StatusLine line;

    ProgressBar(PrintWriter err, boolean terminal, LongSupplier clock) {
        this(new StatusLine(err, terminal, clock));
    }

    private ProgressBar(StatusLine line) {
        this.line = line;
    }

    /** A bar on {@code err}; redraws in place only when the process runs on a terminal. */
    public static ProgressBar on(PrintWriter err) {
        return new ProgressBar(StatusLine.on(err));
    }

    @Override
    public void onResult(PhoneResult result, FleetProgress p) {
        line.show(() -> p.line(WIDTH), p.done() == p.total());
    }

    /** Ends the bar's line (terminal) after the last redraw. */
    public void finish() {
        line.finish();
    }
}
