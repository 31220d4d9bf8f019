package io.phonectl.cli.ops;

import io.phonectl.client.fleet.FleetListener;
import io.phonectl.client.fleet.FleetProgress;
import io.phonectl.client.fleet.PhoneResult;

import java.io.Console;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The live progress of a fleet push on stderr: counts, rate and ETA. On a terminal one line is redrawn with
 * {@code \r} (at most ten times a second); elsewhere (a log, a CI job, a pipe) a line is printed at most once a
 * second, so logs stay readable. The last state is always printed. Calls are serialised by the fleet push.
 */
public final class ProgressBar implements FleetListener {

    static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private final long intervalNanos;
    private final LongSupplier clock;
    private long lastPrint = Long.MIN_VALUE;
    private FleetProgress last;

    ProgressBar(PrintWriter err, boolean terminal, LongSupplier clock) {
        this.err = err;
        this.terminal = terminal;
        this.intervalNanos = terminal ? TimeUnit.MILLISECONDS.toNanos(100) : TimeUnit.SECONDS.toNanos(1);
        this.clock = clock;
    }

    /** A bar on {@code err}; redraws in place only when the process runs on a terminal. */
    public static ProgressBar on(PrintWriter err) {
        return new ProgressBar(err, stderrIsTerminal(), System::nanoTime);
    }

    @Override
    public void onResult(PhoneResult result, FleetProgress p) {
        last = p;
        long now = clock.getAsLong();
        if (p.done() == p.total() || lastPrint == Long.MIN_VALUE || now - lastPrint >= intervalNanos) {
            lastPrint = now;
            draw(p);
        }
    }

    /** Ends the bar's line (terminal) after the last redraw. */
    public void finish() {
        if (terminal && last != null) {
            err.println();
        }
        err.flush();
    }

    private void draw(FleetProgress p) {
        String line = p.line(WIDTH);
        if (terminal) {
            err.print("\r" + line + "\u001b[K");
        } else {
            err.println(line);
        }
        err.flush();
    }

    /**
     * Whether stderr is an interactive terminal. {@code System.console()} alone is not enough from JDK 22 on
     * (it may return a console for redirected streams), so {@code Console.isTerminal()} is asked when present.
     */
    static boolean stderrIsTerminal() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console exists only when both streams are a terminal
        }
    }
}
