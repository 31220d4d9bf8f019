package io.phonectl.client.macro;

import io.phonectl.client.xsi.PushOutcome;

import java.util.List;

/**
 * What a macro run did, step by step, and whether it reached its end.
 *
 * @param failure null when succeeded; otherwise which step stopped the run and why
 */
public record MacroReport(String macroId, List<StepResult> steps, boolean succeeded, String failure) {

    /** One executed step: the spec's literal, the outcome it produced (null for checks) and a note. */
    public record StepResult(String literal, PushOutcome outcome, String note) {
    }

    public MacroReport {
        steps = List.copyOf(steps);
    }
}
