package io.phonectl.server.notify;

import io.phonectl.server.db.Database;
import io.phonectl.server.db.Sql;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Cursor;
import io.phonectl.server.http.Json;
import io.phonectl.server.http.Names;
import io.phonectl.server.http.Page;
import io.phonectl.server.http.Paging;
import io.phonectl.server.job.Job;
import io.phonectl.server.job.JobOptions;
import io.phonectl.server.job.JobRequest;
import io.phonectl.server.job.JobService;
import io.phonectl.server.job.JobTarget;
import org.jdbi.v3.core.Handle;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.Map;

/** Saved notifications: stored once checked ({@link TemplateText#check}), sent as notification jobs. */
public final class TemplateService {

    public static final int MAX_DESCRIPTION = 500;
    static final int MAX_PARAMS_CHARS = 8000;

    /** A send: the devices, the values of the variables, the job's options and name. */
    public record Send(String name, JobTarget target, Map<String, String> variables, JobOptions options) {
    }

    private final Database db;
    private final JobService jobs;
    private final InstantSource clock;

    public TemplateService(Database db, JobService jobs, InstantSource clock) {
        this.db = db;
        this.jobs = jobs;
        this.clock = clock;
    }

    public Template create(Template.Input in, String actor) {
        Checked c = check(in);
        var now = Sql.ts(clock.instant());
        try {
            long id = db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO notification_templates (name, description, "
                            + "params, variables, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .bind(0, in.name()).bind(1, c.description()).bind(2, c.params()).bind(3, c.variables())
                    .bind(4, actor).bind(5, now).bind(6, now).executeAndReturnGeneratedKeys("id").mapTo(Long.class)
                    .one());
            return get(id);
        } catch (RuntimeException e) {
            throw conflictOr(e, in.name());
        }
    }

    public Template update(long id, Template.Input in) {
        get(id);
        Checked c = check(in);
        try {
            db.jdbi().useHandle(h -> h.createUpdate("UPDATE notification_templates SET name = ?, description = ?, "
                            + "params = ?, variables = ?, updated_at = ? WHERE id = ?")
                    .bind(0, in.name()).bind(1, c.description()).bind(2, c.params()).bind(3, c.variables())
                    .bind(4, Sql.ts(clock.instant())).bind(5, id).execute());
        } catch (RuntimeException e) {
            throw conflictOr(e, in.name());
        }
        return get(id);
    }

    public void delete(long id) {
        int n = db.jdbi().withHandle(h -> h.createUpdate("DELETE FROM notification_templates WHERE id = ?").bind(0, id)
                .execute());
        if (n == 0) {
            throw new ApiException.NotFound("template", id);
        }
    }

    public Template get(long id) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM notification_templates WHERE id = ?").bind(0, id)
                .map((rs, ctx) -> row(rs)).findOne()).orElseThrow(() -> new ApiException.NotFound("template", id));
    }

    public Page<Template> list(Paging paging) {
        long after = paging.cursor() == null ? 0 : paging.cursor().id();
        return db.jdbi().withHandle(h -> {
            List<Template> rows = h.createQuery("SELECT * FROM notification_templates WHERE id > ? ORDER BY id LIMIT ?")
                    .bind(0, after).bind(1, paging.limit() + 1).map((rs, ctx) -> row(rs)).list();
            long total = h.createQuery("SELECT count(*) FROM notification_templates").mapTo(Long.class).one();
            return Page.of(rows, paging.limit(), total, t -> new Cursor("", t.id()));
        });
    }

    /** Renders the template with the values and creates the notification job. */
    public Job send(long id, Send send, String actor) {
        return send(id, send, actor, (h, job) -> { });
    }

    /** The same, with {@code link} run in the transaction that stores the job ({@link JobService#create}). */
    public Job send(long id, Send send, String actor, BiConsumer<Handle, Long> link) {
        Template t = get(id);
        Map<String, JsonNode> params = TemplateText.render(t.params(), t.variables(), send.variables());
        String name = send.name() == null || send.name().isBlank() ? "template " + t.name() : send.name();
        return jobs.create(new JobRequest(name, send.target(), NotificationSpec.ACTION, params, null, send.options()),
                actor, link);
    }

    private record Checked(String description, String params, String variables) {
    }

    private static Checked check(Template.Input in) {
        Names.require("name", in.name());
        String desc = in.description() == null ? "" : in.description().strip();
        if (desc.length() > MAX_DESCRIPTION) {
            throw new ApiException.Invalid("description", desc.length() + " characters", "at most " + MAX_DESCRIPTION);
        }
        Map<String, JsonNode> params = in.params() == null ? Map.of() : in.params();
        List<Template.Variable> vars = TemplateText.check(params, in.variables());
        String p = Json.mapper().writeValueAsString(params);
        if (p.length() > MAX_PARAMS_CHARS) {
            throw new ApiException.Invalid("params", p.length() + " characters", "at most " + MAX_PARAMS_CHARS
                    + " characters as JSON");
        }
        return new Checked(desc, p, Json.mapper().writeValueAsString(vars));
    }

    private static RuntimeException conflictOr(RuntimeException e, String name) {
        return Sql.uniqueViolation(e) ? new ApiException.Conflict("name", name, "a template name not in use") : e;
    }

    private static Template row(ResultSet rs) throws SQLException {
        return new Template(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                Json.mapper().readValue(rs.getString("params"), new TypeReference<Map<String, JsonNode>>() { }),
                Json.mapper().readValue(rs.getString("variables"), new TypeReference<List<Template.Variable>>() { }),
                rs.getString("created_by"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
