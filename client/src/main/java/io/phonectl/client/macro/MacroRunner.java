package io.phonectl.client.macro;

import io.phonectl.client.xsi.OutcomeKind;
import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.client.xsi.XsiClient;
import io.phonectl.xsi.XsiValidationException;
import io.phonectl.xsi.action.MacroCondition;
import io.phonectl.xsi.action.MacroSpec;
import io.phonectl.xsi.action.MacroStep;
import io.phonectl.xsi.object.Execute;
import io.phonectl.xsi.object.ResponseItem;
import io.phonectl.xsi.push.XsiPush;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs a control-spec macro (data from {@code io.phonectl.xsi.action.ActionCatalog#macros()}) against one phone:
 * {@code push} sends one ExecuteItem; {@code wait_for} checks the reply to the previous push; {@code poll} with the
 * {@code until} after it pushes repeatedly until a reply matches, bounded by {@link MacroConfig#maxPolls()} and the
 * deadline. A push that fails (auth, refused, an item with Status other than 0 that no check expects) stops the
 * run. New macros are data: nothing here knows a macro by name.
 */
public final class MacroRunner {

    /** How the runner waits between polls; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Pacer {
        void pause(Duration d) throws InterruptedException;

        Pacer SLEEP = d -> TimeUnit.NANOSECONDS.sleep(d.toNanos());
    }

    /** Longest single push; {@code Play:} steps hold the answer for the clip, which is at most seconds long. */
    static final long MAX_STEP_MILLIS = 30_000;

    private final XsiClient client;
    private final MacroConfig config;
    private final Pacer pacer;

    public MacroRunner(XsiClient client, MacroConfig config, Pacer pacer) {
        this.client = Objects.requireNonNull(client, "client");
        this.config = Objects.requireNonNull(config, "config");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
    }

    public MacroRunner(XsiClient client, MacroConfig config) {
        this(client, config, Pacer.SLEEP);
    }

    public MacroReport run(MacroSpec macro) {
        long deadline = System.nanoTime() + config.deadline().toNanos();
        List<MacroReport.StepResult> done = new ArrayList<>();
        List<MacroStep> steps = macro.steps();
        PushOutcome last = null;
        for (int i = 0; i < steps.size(); i++) {
            MacroStep step = steps.get(i);
            if (System.nanoTime() >= deadline) {
                return fail(macro, done, step, "the " + config.deadline().toMillis() + " ms deadline passed");
            }
            switch (step) {
                case MacroStep.Push p -> {
                    last = send(step(p.literal(), p::execute), deadline);
                    done.add(new MacroReport.StepResult(p.literal(), last, last.detail()));
                    boolean checked = i + 1 < steps.size() && steps.get(i + 1) instanceof MacroStep.WaitFor;
                    if (!last.succeeded() && !(checked && last instanceof PushOutcome.Executed)) {
                        return fail(macro, done, step, last.kind() + ": " + last.detail());
                    }
                }
                case MacroStep.WaitFor w -> {
                    String why = mismatch(w.condition(), last);
                    done.add(new MacroReport.StepResult(w.literal(), null, why == null ? "satisfied" : why));
                    if (why != null) {
                        return fail(macro, done, step, why);
                    }
                }
                case MacroStep.Poll p -> {
                    MacroCondition until = i + 1 < steps.size() && steps.get(i + 1) instanceof MacroStep.Until u
                            ? u.condition() : null;
                    String failure = poll(p, until, deadline, done);
                    if (failure != null) {
                        return fail(macro, done, step, failure);
                    }
                    if (until != null) {
                        i++; // the until belongs to this poll
                    }
                }
                case MacroStep.Until u -> {
                    // an until without a poll before it checks the last reply, like wait_for
                    String why = mismatch(u.condition(), last);
                    done.add(new MacroReport.StepResult(u.literal(), null, why == null ? "satisfied" : why));
                    if (why != null) {
                        return fail(macro, done, step, why);
                    }
                }
            }
        }
        return new MacroReport(macro.id(), done, true, null);
    }

    private String poll(MacroStep.Poll p, MacroCondition until, long deadline, List<MacroReport.StepResult> done) {
        Step step = step(p.literal(), p::execute); // built once, sent on every poll
        for (int n = 1; n <= config.maxPolls(); n++) {
            PushOutcome reply = send(step, deadline);
            String why = until == null ? null : mismatch(until, reply);
            done.add(new MacroReport.StepResult(p.literal(), reply, "poll " + n + ": "
                    + (why == null ? "satisfied" : reply.detail())));
            if (!(reply instanceof PushOutcome.Executed) && !reply.succeeded()) {
                return "poll " + n + " failed: " + reply.kind() + ": " + reply.detail();
            }
            if (why == null) {
                return null;
            }
            long left = deadline - System.nanoTime();
            if (left <= config.pollInterval().toNanos()) {
                return "the deadline passed after " + n + " polls; last reply: " + reply.detail();
            }
            try {
                pacer.pause(config.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted after " + n + " polls";
            }
        }
        return "no matching reply in " + config.maxPolls() + " polls";
    }

    /** A step's push, or why the step's URI cannot be pushed. */
    private record Step(XsiPush push, PushOutcome.NotSent invalid) {
    }

    private static Step step(String literal, Supplier<Execute> execute) {
        try {
            return new Step(XsiPush.of(literal, execute.get()), null);
        } catch (XsiValidationException e) {
            return new Step(null, new PushOutcome.NotSent(OutcomeKind.INVALID, e.getMessage()));
        }
    }

    private PushOutcome send(Step step, long deadline) {
        if (step.push() == null) {
            return step.invalid();
        }
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        return client.push(step.push(), Duration.ofMillis(Math.min(left, MAX_STEP_MILLIS)));
    }

    /** Null when the reply's first item satisfies the condition; otherwise why not. */
    static String mismatch(MacroCondition condition, PushOutcome reply) {
        if (!(reply instanceof PushOutcome.Executed ex) || ex.items().isEmpty()) {
            return "expected a CiscoIPPhoneResponse to check '" + condition.literal() + "', got "
                    + (reply == null ? "nothing" : reply.kind() + ": " + reply.detail());
        }
        for (ResponseItem item : ex.items()) {
            if (condition.matches(item.status(), item.data())) {
                return null;
            }
        }
        ResponseItem first = ex.items().getFirst();
        return "Status=" + first.status() + " Data=\"" + first.data() + "\" does not satisfy " + condition.literal();
    }

    private static MacroReport fail(MacroSpec macro, List<MacroReport.StepResult> done, MacroStep step, String why) {
        String verb = switch (step) {
            case MacroStep.Push p -> "push";
            case MacroStep.WaitFor w -> "wait_for";
            case MacroStep.Poll p -> "poll";
            case MacroStep.Until u -> "until";
        };
        return new MacroReport(macro.id(), done, false, verb + " '" + step.literal() + "': " + why);
    }
}
