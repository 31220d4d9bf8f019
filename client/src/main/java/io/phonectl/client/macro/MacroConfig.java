package io.phonectl.client.macro;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of a macro run.
 *
 * @param deadline     the whole macro ends by then (default 2 min: a PRT takes a while to generate)
 * @param pollInterval wait between two polls (default 2 s)
 * @param maxPolls     polls per poll/until pair at most (default 60)
 */
public record MacroConfig(Duration deadline, Duration pollInterval, int maxPolls) {

    public static final MacroConfig DEFAULTS = new MacroConfig(Duration.ofMinutes(2), Duration.ofSeconds(2), 60);

    public MacroConfig {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline = " + deadline + ": must be positive");
        }
        if (pollInterval.isNegative()) {
            throw new IllegalArgumentException("pollInterval = " + pollInterval + ": must not be negative");
        }
        if (maxPolls < 1 || maxPolls > 10_000) {
            throw new IllegalArgumentException("maxPolls = " + maxPolls + ": must be 1..10000");
        }
    }
}
