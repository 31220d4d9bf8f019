package io.phonectl.server.job;

import io.phonectl.server.db.Database;
import io.phonectl.server.db.Sql;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Cursor;
import io.phonectl.server.http.Json;
import io.phonectl.server.http.Page;
import io.phonectl.server.http.Paging;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/** Reading jobs and items: one job with counts and timings, lists with filters and stable cursors, exports. */
public final class JobViews {

    /** Which jobs to list; each null means any ({@code action}: one action id, such as notification). */
    public record Filter(String state, String createdBy, Instant since, String action) {
        public Filter(String state, String createdBy, Instant since) {
            this(state, createdBy, since, null);
        }
    }

    /**
     * A job's final outcomes over time, for the console's chart: {@code buckets} equal slices of the time from the
     * job's creation to its last outcome, each with how many items reached a successful and a failed outcome in it.
     */
    public record Timeline(long spanMillis, List<Slice> slices) {
    }

    /** One slice: it ends {@code endMillis} after the job's creation. */
    public record Slice(long endMillis, int succeeded, int failed) {
    }

    /** Which items to list; empty lists mean any. */
    public record ItemFilter(List<String> outcomes, List<String> states, String model) {
    }

    private record Row(long id, String name, String state, String action, int total, JobOptions options,
                       JsonNode target, String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt,
                       Instant deadlineAt, boolean cancelRequested, Long retryOf, int runs) {
    }

    private static final RowMapper<Row> ROW = (rs, ctx) -> new Row(rs.getLong("id"), rs.getString("name"),
            rs.getString("state"), rs.getString("action"), rs.getInt("total"),
            Json.mapper().readValue(rs.getString("options"), JobOptions.class),
            Json.mapper().readTree(rs.getString("target")), rs.getString("created_by"), Sql.instant(rs, "created_at"),
            Sql.instant(rs, "started_at"), Sql.instant(rs, "finished_at"), Sql.instant(rs, "deadline_at"),
            rs.getBoolean("cancel_requested"), Sql.longOrNull(rs, "retry_of"), rs.getInt("runs"));

    static final RowMapper<JobItem> ITEM = (rs, ctx) -> {
        String raw = rs.getString("data");
        ObjectNode data = raw == null ? null : (ObjectNode) Json.mapper().readTree(raw);
        JsonNode items = data == null ? null : data.remove("items");
        JsonNode stream = data == null ? null : data.remove("streamId");
        JsonNode result = data == null ? null : data.has("result") ? data.get("result") : data.isEmpty() ? null : data;
        return new JobItem(rs.getLong("id"), Sql.longOrNull(rs, "device_id"), rs.getString("name"),
                rs.getString("address"), rs.getString("model"), rs.getString("kind"), rs.getString("site"),
                rs.getString("state"), rs.getString("outcome"), Sql.bool(rs, "success"), rs.getInt("attempts"),
                Sql.longOrNull(rs, "elapsed_ms"), rs.getString("detail"), items,
                stream == null ? null : stream.asString(), result, rs.getBoolean("resumed"), Sql.instant(rs, "queued_at"),
                Sql.instant(rs, "started_at"), Sql.instant(rs, "finished_at"));
    };

    private final Database db;
    private final LongFunction<Integer> liveLimit;
    private final FinalFigures finals = new FinalFigures();

    /** @param liveLimit the concurrency limit of a job's run on this replica now, or null */
    JobViews(Database db, LongFunction<Integer> liveLimit) {
        this.db = db;
        this.liveLimit = liveLimit;
    }

    public Job get(long id) {
        return db.jdbi().withHandle(h -> {
            Row r = h.createQuery("SELECT * FROM jobs WHERE id = ?").bind(0, id).map(ROW).findOne()
                    .orElseThrow(() -> new ApiException.NotFound("job", id));
            FinalFigures.Summary f = finals.summary(id, r.state(), () -> new FinalFigures.Summary(
                    JobStore.counts(h, id), timings(h, r)));
            return view(r, f.counts(), f.timings());
        });
    }

    private void requireJob(long id) {
        if (db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM jobs WHERE id = ?").bind(0, id)
                .mapTo(Integer.class).one()) == 0) {
            throw new ApiException.NotFound("job", id);
        }
    }

    /** Newest first. */
    public Page<Job> list(Filter f, Paging paging) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (f.state() != null) {
            where.add("state = ?");
            args.add(f.state());
        }
        if (f.createdBy() != null) {
            where.add("created_by = ?");
            args.add(f.createdBy());
        }
        if (f.since() != null) {
            where.add("created_at >= ?");
            args.add(Sql.ts(f.since()));
        }
        if (f.action() != null) {
            where.add("action = ?");
            args.add(f.action());
        }
        String cond = where.isEmpty() ? "1 = 1" : String.join(" AND ", where);
        return db.jdbi().withHandle(h -> {
            List<Object> pageArgs = new ArrayList<>(args);
            String pageCond = cond;
            if (paging.cursor() != null) {
                pageCond += " AND id < ?";
                pageArgs.add(paging.cursor().id());
            }
            pageArgs.add(paging.limit() + 1);
            List<Row> rows = Sql.bind(h.createQuery("SELECT * FROM jobs WHERE " + pageCond + " ORDER BY id DESC LIMIT ?"),
                    pageArgs).map(ROW).list();
            Map<Long, Map<String, Long>> counts = counts(h, rows.stream().map(Row::id).toList());
            List<Job> jobs = rows.stream().map(r -> view(r, counts.getOrDefault(r.id(), Map.of()), null)).toList();
            long total = Sql.bind(h.createQuery("SELECT count(*) FROM jobs WHERE " + cond), args).mapTo(Long.class).one();
            return Page.of(jobs, paging.limit(), total, j -> new Cursor("", j.id()));
        });
    }

    /** A job's items in id order, filtered by outcome, state and model. */
    public Page<JobItem> items(long jobId, ItemFilter f, Paging paging) {
        requireJob(jobId);
        List<String> where = new ArrayList<>(List.of("job_id = ?"));
        List<Object> args = new ArrayList<>(List.of(jobId));
        if (!f.outcomes().isEmpty()) {
            // only final items have one (V21's CHECK): said, so the range is job_items_job_state_outcome's
            where.add("state = 'final'");
        }
        in(where, args, "outcome", f.outcomes());
        in(where, args, "state", f.states());
        if (f.model() != null) {
            where.add("lower(model) = lower(?)");
            args.add(f.model());
        }
        String cond = String.join(" AND ", where);
        return db.jdbi().withHandle(h -> {
            List<Object> pageArgs = new ArrayList<>(args);
            String pageCond = cond;
            if (paging.cursor() != null) {
                pageCond += " AND id > ?";
                pageArgs.add(paging.cursor().id());
            }
            pageArgs.add(paging.limit() + 1);
            List<JobItem> rows = Sql.bind(h.createQuery("SELECT * FROM job_items WHERE " + pageCond
                    + " ORDER BY id LIMIT ?"), pageArgs).map(ITEM).list();
            long total = Sql.bind(h.createQuery("SELECT count(*) FROM job_items WHERE " + cond), args)
                    .mapTo(Long.class).one();
            return Page.of(rows, paging.limit(), total, i -> new Cursor("", i.id()));
        });
    }

    /** What the job sends, as it was given (a notification's text, an action's parameters). */
    public JobSpec spec(long id) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT spec FROM jobs WHERE id = ?").bind(0, id)
                .mapTo(String.class).findOne()).map(s -> Json.mapper().readValue(s, JobSpec.class))
                .orElseThrow(() -> new ApiException.NotFound("job", id));
    }

    /** The job's final outcomes in {@code buckets} slices of time (1..200); empty slices while there is none. */
    public Timeline timeline(long jobId, int buckets) {
        if (buckets < 1 || buckets > 200) {
            throw new ApiException.Invalid("buckets", buckets, "an integer 1..200");
        }
        return db.jdbi().withHandle(h -> {
            Map.Entry<Instant, String> job = h.createQuery("SELECT created_at, state FROM jobs WHERE id = ?")
                    .bind(0, jobId).map((rs, ctx) -> Map.entry(Sql.instant(rs, "created_at"), rs.getString("state")))
                    .findOne().orElseThrow(() -> new ApiException.NotFound("job", jobId));
            return finals.timeline(jobId, buckets, job.getValue(), () -> timeline(h, jobId, job.getKey(), buckets));
        });
    }

    private static Timeline timeline(Handle h, long jobId, Instant created, int buckets) {
        List<Map.Entry<Long, Boolean>> done = h.createQuery("SELECT finished_at, success FROM job_items "
                        + "WHERE job_id = ? AND state = 'final'").bind(0, jobId)
                .map((rs, ctx) -> Map.entry(Math.max(0, since(created, Sql.instant(rs, "finished_at"))),
                        Boolean.TRUE.equals(Sql.bool(rs, "success")))).list();
        long span = Math.max(1, done.stream().mapToLong(Map.Entry::getKey).max().orElse(0));
        int[] good = new int[buckets];
        int[] bad = new int[buckets];
        for (Map.Entry<Long, Boolean> e : done) {
            int b = (int) Math.min(buckets - 1, e.getKey() * buckets / span);
            if (e.getValue()) {
                good[b]++;
            } else {
                bad[b]++;
            }
        }
        List<Slice> slices = new ArrayList<>();
        for (int i = 0; i < buckets; i++) {
            slices.add(new Slice(span * (i + 1) / buckets, good[i], bad[i]));
        }
        return new Timeline(done.isEmpty() ? 0 : span, slices);
    }

    /** One item of a device's history: the job (its id and action) and the device's item in it. */
    public record DeviceItem(long job, String action, JobItem item) {
    }

    /** A device's items across jobs, newest first (the console's device page). */
    public List<DeviceItem> deviceHistory(long deviceId, int limit) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT i.*, j.action AS job_action FROM job_items i "
                        + "JOIN jobs j ON j.id = i.job_id WHERE i.device_id = ? ORDER BY i.id DESC LIMIT ?")
                .bind(0, deviceId).bind(1, limit)
                .map((rs, ctx) -> new DeviceItem(rs.getLong("job_id"), rs.getString("job_action"), ITEM.map(rs, ctx)))
                .list());
    }

    /** Every item of a job in id order, a page at a time (exports of large jobs hold one page). */
    public void forEachItem(long jobId, Consumer<JobItem> each) {
        requireJob(jobId);
        Paging paging = Paging.first(Paging.MAX_LIMIT);
        while (true) {
            Page<JobItem> page = items(jobId, new ItemFilter(List.of(), List.of(), null), paging);
            page.items().forEach(each);
            if (page.next() == null) {
                return;
            }
            paging = new Paging(Paging.MAX_LIMIT, Cursor.decode(page.next()));
        }
    }

    /** What a collection kept for an item. */
    public Optional<ItemOutcome.Result> result(long jobId, long itemId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT r.content_type, r.bytes FROM job_item_results r "
                        + "JOIN job_items i ON i.id = r.item_id WHERE i.job_id = ? AND r.item_id = ?")
                .bind(0, jobId).bind(1, itemId)
                .map((rs, ctx) -> new ItemOutcome.Result(rs.getString(1), rs.getBytes(2))).findOne());
    }

    private Job view(Row r, Map<String, Long> counts, Job.Timings timings) {
        Map<String, Long> finals = new LinkedHashMap<>(counts);
        long pending = Optional.ofNullable(finals.remove("pending")).orElse(0L);
        long inFlight = Optional.ofNullable(finals.remove("in_flight")).orElse(0L);
        return new Job(r.id(), r.name(), r.state(), r.action(), r.total(), finals, pending, inFlight,
                liveLimit.apply(r.id()), r.options(),
                r.target(), r.createdBy(), r.createdAt(), r.startedAt(), r.finishedAt(), r.deadlineAt(),
                r.cancelRequested(), r.retryOf(), r.runs(), timings);
    }

    private static Job.Timings timings(Handle h, Row r) {
        return h.createQuery("SELECT min(finished_at) AS f, percentile_disc(0.5) WITHIN GROUP (ORDER BY finished_at) "
                        + "AS m, percentile_disc(0.99) WITHIN GROUP (ORDER BY finished_at) AS p, max(finished_at) AS l "
                        + "FROM job_items WHERE job_id = ? AND state = 'final'")
                .bind(0, r.id())
                .map((rs, ctx) -> new Job.Timings(since(r.createdAt(), Sql.instant(rs, "f")),
                        since(r.createdAt(), Sql.instant(rs, "m")), since(r.createdAt(), Sql.instant(rs, "p")),
                        since(r.createdAt(), Sql.instant(rs, "l"))))
                .one();
    }

    private static Long since(Instant from, Instant t) {
        return t == null ? null : Math.max(0, Duration.between(from, t).toMillis());
    }

    private static Map<Long, Map<String, Long>> counts(Handle h, List<Long> ids) {
        Map<Long, Map<String, Long>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        h.createQuery("SELECT job_id, coalesce(outcome, state) AS k, count(*) AS n FROM job_items "
                        + "WHERE job_id IN (<ids>) GROUP BY job_id, coalesce(outcome, state) ORDER BY 2")
                .bindList("ids", ids)
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3)})
                .forEach(a -> out.computeIfAbsent((Long) a[0], k -> new LinkedHashMap<>()).put((String) a[1], (Long) a[2]));
        return out;
    }

    private static void in(List<String> where, List<Object> args, String column, List<String> values) {
        if (!values.isEmpty()) {
            where.add(column + " IN (" + String.join(", ", values.stream().map(v -> "?").toList()) + ")");
            args.addAll(values);
        }
    }
}
