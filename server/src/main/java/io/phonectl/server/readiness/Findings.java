package io.phonectl.server.readiness;

import io.phonectl.server.http.Json;
import io.phonectl.server.job.ItemOutcome;
import io.phonectl.server.job.Outcomes;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * The checks of one device as they run: each passes, is skipped (with why), or fails with a reason code, which
 * ends the audit of that device. Becomes the item's outcome: READY, or NOT_READY with {@code reason} and every check
 * in {@code data}.
 */
final class Findings {

    private final ArrayNode checks = Json.mapper().createArrayNode();
    private final long t0 = System.nanoTime();
    private final Instant started;
    private ReadinessReason reason;
    private String why;
    private Boolean reachable;

    Findings(Instant started) {
        this.started = started;
    }

    void pass(String check, String detail) {
        checks.addObject().put("check", check).put("ok", true).put("detail", detail);
    }

    void skip(String check, String why) {
        checks.addObject().put("check", check).putNull("ok").put("detail", why);
    }

    /** Records the failure; returns this so a check can {@code return f.fail(…)}. */
    Findings fail(String check, ReadinessReason r, String detail) {
        checks.addObject().put("check", check).put("ok", false).put("reason", r.name()).put("detail", detail);
        reason = r;
        why = detail;
        return this;
    }

    boolean failed() {
        return reason != null;
    }

    void reachable(boolean r) {
        reachable = r;
    }

    ItemOutcome outcome(Instant now) {
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("reason", reason == null ? null : reason.name());
        data.set("checks", checks);
        String detail = reason == null ? "ready: " + checks.size() + " checks passed or skipped"
                : reason.name() + ": " + why;
        return new ItemOutcome(reason == null ? Outcomes.READY : Outcomes.NOT_READY, reason == null, detail, data,
                1, (System.nanoTime() - t0) / 1_000_000, started, now, reachable, null);
    }
}
