package io.phonectl.server.job;

import io.phonectl.server.device.DeviceSelector;
import io.phonectl.server.group.GroupService;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Json;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which devices a job's target selects, as a condition on {@code devices d}: every device, a selector, listed ids,
 * the members of groups (now), or a retry's failed items; read from a request ({@link #where}) or from a stored job
 * when its creation is taken over ({@link #stored}).
 */
final class ItemTargets {

    /** Listed ids per statement (PostgreSQL takes at most 65,535 parameters). */
    static final int IDS_PER_STATEMENT = 5_000;

    private final GroupService groups;
    private final int maxItems;

    ItemTargets(GroupService groups, int maxItems) {
        this.groups = groups;
        this.maxItems = maxItems;
    }

    int maxItems() {
        return maxItems;
    }

    /**
     * Which devices: a condition on {@code devices d}, or listed ids (sorted) inserted by chunks of the list. The ids of
     * {@code target.devices} must exist when {@code strict} (creation); a creation taken over skips ids gone since.
     */
    record Cond(String sql, List<Object> args, List<Long> ids) {

        static Cond where(String sql, List<Object> args) {
            return new Cond(sql, args, null);
        }

        static Cond ids(Set<Long> ids) {
            return new Cond(null, List.of(), List.copyOf(new TreeSet<>(ids)));
        }

        /** The condition in statements of at most {@link #IDS_PER_STATEMENT} listed ids (for counting). */
        List<Cond> parts() {
            if (ids == null) {
                return List.of(this);
            }
            List<Cond> out = new ArrayList<>();
            for (int i = 0; i < ids.size(); i += IDS_PER_STATEMENT) {
                out.add(in(ids.subList(i, Math.min(ids.size(), i + IDS_PER_STATEMENT))));
            }
            return out;
        }

        static Cond in(List<Long> ids) {
            return where("d.id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")", List.copyOf(ids));
        }
    }

    /** The target's condition, after checking listed ids and groups exist. */
    Cond where(Handle h, JobTarget t) {
        return where(h, t, true);
    }

    private Cond where(Handle h, JobTarget t, boolean strict) {
        if (Boolean.TRUE.equals(t.all())) {
            return Cond.where("1 = 1", List.of());
        }
        if (t.selector() != null) {
            DeviceSelector.Where w = DeviceSelector.parse("target.selector", t.selector()).where();
            return Cond.where(w.sql(), w.args());
        }
        Set<Long> ids = new TreeSet<>();
        if (t.devices() != null) {
            ids.addAll(t.devices());
            if (strict) {
                Set<Long> found = new HashSet<>(h.createQuery("SELECT id FROM devices WHERE id IN (<ids>)")
                        .bindList("ids", List.copyOf(ids)).mapTo(Long.class).list()); // a set: 10,000 ids are listed
                List<Long> missing = ids.stream().filter(i -> !found.contains(i)).limit(10).toList();
                if (!missing.isEmpty()) {
                    throw new ApiException.Invalid("target.devices", missing.toString(), "ids of existing devices");
                }
            }
        } else {
            for (long g : t.groups()) {
                try {
                    ids.addAll(groups.deviceIds(g));
                } catch (ApiException.NotFound e) {
                    if (strict) {
                        throw new ApiException.Invalid("target.groups", g, "ids of existing groups");
                    }
                }
            }
        }
        if (ids.size() > maxItems) {
            throw tooMany(ids.size());
        }
        return Cond.ids(ids);
    }

    /** The devices whose items in job {@code retryOf} ended with one of {@code outcomes}. */
    static Cond retry(long retryOf, List<String> outcomes) {
        List<Object> args = new ArrayList<>(List.of(retryOf));
        args.addAll(outcomes);
        return Cond.where("d.id IN (SELECT device_id FROM job_items WHERE job_id = ? AND state = 'final' AND outcome IN ("
                + String.join(", ", Collections.nCopies(outcomes.size(), "?")) + "))", args);
    }

    /** The stored target of a job as a condition (a retry's {@code retryOf} and {@code outcomes}, or a JobTarget). */
    Cond stored(Handle h, String target) {
        JsonNode t = Json.mapper().readTree(target);
        if (t.has("retryOf")) {
            List<String> outcomes = new ArrayList<>();
            t.path("outcomes").forEach(o -> outcomes.add(o.asString()));
            return retry(t.get("retryOf").asLong(), outcomes);
        }
        return where(h, Json.mapper().treeToValue(t, JobTarget.class), false);
    }

    ApiException tooMany(long n) {
        return new ApiException.Invalid("target", n + " devices", "at most " + maxItems + " devices per job (maxItems)");
    }
}
