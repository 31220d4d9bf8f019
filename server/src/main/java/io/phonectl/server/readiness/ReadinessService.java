package io.phonectl.server.readiness;

import io.phonectl.server.db.Database;
import io.phonectl.server.db.Sql;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Json;
import io.phonectl.server.job.Outcomes;
import org.jdbi.v3.core.Handle;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The readiness trend: the latest audits, newest first, each with how many devices were ready and the others by
 * reason code. A finished audit's summary is computed from its items once and kept ({@code readiness_audits}); a
 * running one is counted as it stands.
 */
public final class ReadinessService {

    public static final int MAX_AUDITS = 365;

    /** One audit of the trend. */
    public record Audit(long job, String name, String state, Instant createdAt, Instant finishedAt, int total,
                        int ready, int notReady, Double readyPercent, Map<String, Integer> reasons) {
    }

    /** The reason codes and what they mean. */
    public record Reason(String code, String meaning) {
    }

    /** @param reasons every reason code; {@code audits} newest first */
    public record Trend(List<Reason> reasons, List<Audit> audits) {
    }

    private record JobRow(long id, String name, String state, Instant createdAt, Instant finishedAt, int total) {
        boolean finished() {
            return state.equals("done") || state.equals("cancelled");
        }
    }

    private final Database db;

    public ReadinessService(Database db) {
        this.db = db;
    }

    public Trend trend(int limit) {
        if (limit < 1 || limit > MAX_AUDITS) {
            throw new ApiException.Invalid("limit", limit, "an integer 1.." + MAX_AUDITS);
        }
        List<Reason> reasons = Arrays.stream(ReadinessReason.values()).map(r -> new Reason(r.name(), r.meaning()))
                .toList();
        List<Audit> audits = db.jdbi().withHandle(h -> {
            List<JobRow> jobs = h.createQuery("SELECT id, name, state, created_at, finished_at, total FROM jobs "
                            + "WHERE action = ? ORDER BY id DESC LIMIT ?").bind(0, ReadinessKind.ID).bind(1, limit)
                    .map((rs, ctx) -> new JobRow(rs.getLong(1), rs.getString(2), rs.getString(3), Sql.instant(rs, "created_at"),
                            Sql.instant(rs, "finished_at"), rs.getInt(6))).list();
            List<Audit> out = new ArrayList<>();
            for (JobRow j : jobs) {
                out.add(j.finished() ? kept(h, j) : count(h, j));
            }
            return out;
        });
        return new Trend(reasons, audits);
    }

    private Audit kept(Handle h, JobRow j) {
        var row = h.createQuery("SELECT ready, reasons FROM readiness_audits WHERE job_id = ?").bind(0, j.id())
                .map((rs, ctx) -> Map.entry(rs.getInt(1), rs.getString(2))).findOne();
        if (row.isPresent()) {
            Map<String, Integer> reasons = Json.mapper().readValue(row.get().getValue(), new TypeReference<>() { });
            return audit(j, row.get().getKey(), reasons);
        }
        Audit a = count(h, j);
        try {
            h.createUpdate("INSERT INTO readiness_audits (job_id, finished_at, total, ready, reasons) VALUES "
                            + "(?, ?, ?, ?, ?)").bind(0, j.id()).bind(1, Sql.ts(j.finishedAt())).bind(2, j.total())
                    .bind(3, a.ready()).bind(4, Json.mapper().writeValueAsString(a.reasons())).execute();
        } catch (RuntimeException e) {
            if (!Sql.uniqueViolation(e)) { // another request or replica kept it first
                throw e;
            }
        }
        return a;
    }

    private Audit count(Handle h, JobRow j) {
        int[] ready = {0};
        Map<String, Integer> reasons = new TreeMap<>();
        h.createQuery("SELECT outcome, data FROM job_items WHERE job_id = ? AND state = 'final'").bind(0, j.id())
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2)))
                .forEach(e -> {
                    if (e.getKey().equals(Outcomes.READY)) {
                        ready[0]++;
                    } else {
                        reasons.merge(reason(e.getKey(), e.getValue()), 1, Integer::sum);
                    }
                });
        return audit(j, ready[0], reasons);
    }

    private static String reason(String outcome, String data) {
        if (outcome.equals(Outcomes.NOT_READY) && !data.isEmpty()) {
            JsonNode r = Json.mapper().readTree(data).get("reason");
            if (r != null && r.isString()) {
                return r.asString();
            }
        }
        return outcome;
    }

    private static Audit audit(JobRow j, int ready, Map<String, Integer> reasons) {
        int notReady = reasons.values().stream().mapToInt(Integer::intValue).sum();
        int decided = ready + notReady;
        Double pct = decided == 0 ? null : Math.round(1000.0 * ready / decided) / 10.0;
        return new Audit(j.id(), j.name(), j.state(), j.createdAt(), j.finishedAt(), j.total(), ready, notReady, pct,
                reasons);
    }
}
