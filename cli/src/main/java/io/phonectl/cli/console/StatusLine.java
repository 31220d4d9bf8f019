package io.phonectl.cli.console;

import java.io.Console;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One live status line on stderr, shared by every progress display of the CLI. On a terminal the line is redrawn in
 * place with {@code \r} (at most ten times a second); elsewhere (a log, a CI job, a pipe) a new line is printed at most
 * once a second, so logs stay readable. A forced line (a phase change, the final state) is always shown.
 */
public final class StatusLine {

    private final PrintWriter err;
    private final boolean terminal;
    private final long intervalNanos;
    private final LongSupplier clock;
    private long lastPrint = Long.MIN_VALUE;
    private boolean drawn;

    /** With a clock, so the throttling can be tested without waiting. */
    public StatusLine(PrintWriter err, boolean terminal, LongSupplier clock) {
        this.err = err;
        this.terminal = terminal;
        this.intervalNanos = terminal ? TimeUnit.MILLISECONDS.toNanos(100) : TimeUnit.SECONDS.toNanos(1);
        this.clock = clock;
    }

    /** A status line on {@code err}; redraws in place only when the process runs on a terminal. */
    public static StatusLine on(PrintWriter err) {
        return new StatusLine(err, stderrIsTerminal(), System::nanoTime);
    }

    /** Shows {@code line} if the last one is old enough, or at once when {@code force}. */
    public synchronized void show(String line, boolean force) {
        show(() -> line, force);
    }

    /** As {@link #show(String, boolean)}, making the line only when it is shown (a fleet reports thousands). */
    public synchronized void show(java.util.function.Supplier<String> line, boolean force) {
        long now = clock.getAsLong();
        if (!force && lastPrint != Long.MIN_VALUE && now - lastPrint < intervalNanos) {
            return;
        }
        lastPrint = now;
        drawn = true;
        if (terminal) {
            err.print("\r" + line.get() + "\u001b[K");
        } else {
            err.println(line.get());
        }
        err.flush();
    }

    /** Ends the line (terminal) after the last redraw. */
    public synchronized void finish() {
        if (terminal && drawn) {
            err.println();
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
