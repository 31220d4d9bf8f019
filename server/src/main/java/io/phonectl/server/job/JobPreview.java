package io.phonectl.server.job;

import java.util.List;

/**
 * What a job would do before it is made (the console's compose page, {@code POST /api/v1/jobs/preview}): its target
 * resolved now, by model, with the engine's own pre-flight verdict for each model: sent, or not and why.
 *
 * @param total devices the target selects
 * @param send  devices that would be sent the action
 */
public record JobPreview(String action, long total, long send, List<Line> models) {

    public JobPreview {
        models = List.copyOf(models);
    }

    /** One model (and kind) of the target: how many devices, and whether they would be sent it. */
    public record Line(String model, String kind, long devices, boolean send, String outcome, String reason) {
    }

    public long notSent() {
        return total - send;
    }
}
