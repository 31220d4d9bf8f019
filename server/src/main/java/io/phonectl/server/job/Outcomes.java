package io.phonectl.server.job;

import io.phonectl.client.xsi.OutcomeKind;
import io.phonectl.server.http.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The outcome names an item can end with: every kind of the client's {@link OutcomeKind} (one table of truth),
 * plus what only a service job can say: {@link #CANCELLED}, {@link #INTERRUPTED}, and for collection jobs
 * {@link #COLLECTED} and {@link #TOO_LARGE}, for readiness audits {@link #READY} and {@link #NOT_READY}.
 */
public final class Outcomes {

    /** Not sent: the job was cancelled first. */
    public static final String CANCELLED = "CANCELLED";
    /** Found in flight after a second run died (it had been resumed once): not sent a third time. */
    public static final String INTERRUPTED = "INTERRUPTED";
    /** Our own failure (the client's kind of the same name, for what no device did). */
    public static final String INTERNAL = "INTERNAL_ERROR";
    /** A collection job's answer, kept as the item's result. */
    public static final String COLLECTED = "COLLECTED";
    /** A collection job's answer was larger than what is kept per item. */
    public static final String TOO_LARGE = "TOO_LARGE";

    /** A readiness audit found the device ready (issue 11: reachable, web server, credentials, model, media). */
    public static final String READY = "READY";
    /** A readiness audit found the device not ready; the item's {@code reason} says which check failed. */
    public static final String NOT_READY = "NOT_READY";

    private Outcomes() {
    }

    /** Every outcome name, sorted. */
    public static Set<String> all() {
        Set<String> s = new TreeSet<>();
        for (OutcomeKind k : OutcomeKind.values()) {
            s.add(k.name());
        }
        s.addAll(List.of(CANCELLED, INTERRUPTED, COLLECTED, TOO_LARGE, INTERNAL, READY, NOT_READY));
        return s;
    }

    /** Parses a comma-separated {@code outcome} parameter (any case); a problem names it. */
    public static List<String> parse(String field, String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        Set<String> known = all();
        for (String v : text.split(",")) {
            String o = v.strip().toUpperCase(Locale.ROOT);
            if (!known.contains(o)) {
                throw new ApiException.Invalid(field, v.strip(), "one of " + String.join(", ", known));
            }
            out.add(o);
        }
        return out;
    }

    /** Whether the outcome is a success (the client's kinds say; the service's own are failures). */
    public static boolean success(String outcome) {
        if (outcome.equals(COLLECTED) || outcome.equals(READY)) {
            return true;
        }
        try {
            return OutcomeKind.valueOf(outcome).success();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
