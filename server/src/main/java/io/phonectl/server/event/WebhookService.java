package io.phonectl.server.event;

import io.phonectl.server.credential.SecretBox;
import io.phonectl.server.db.Database;
import io.phonectl.server.db.Sql;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Cursor;
import io.phonectl.server.http.Page;
import io.phonectl.server.http.Paging;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Webhooks (admins): create with a write-only secret, list, delete, and each one's delivery log. Joins every event
 * append's transaction: a matching event gets its delivery rows in the same commit, so no delivery is lost to a
 * crash between the two. {@link WebhookDispatcher} sends them.
 */
public final class WebhookService {

    public static final int MAX_URL = 2000;
    public static final int MIN_SECRET = 16;
    public static final int MAX_SECRET = 256;
    public static final int MAX_TYPES = 20;
    public static final int MAX_DESCRIPTION = 500;
    static final String SECRET_AAD = "webhook-secret";

    private static final RowMapper<Webhook> VIEW = (rs, ctx) -> new Webhook(rs.getLong("id"), rs.getString("url"),
            List.of(rs.getString("types").split(",")), rs.getString("description"), rs.getBoolean("enabled"),
            rs.getString("created_by"), Sql.instant(rs, "created_at"));
    static final RowMapper<Webhook.Delivery> DELIVERY = (rs, ctx) -> new Webhook.Delivery(rs.getLong("id"),
            rs.getLong("webhook_id"), rs.getLong("event_id"), rs.getString("event_type"), rs.getString("state"),
            rs.getInt("attempts"), (Integer) rs.getObject("last_status", Integer.class), rs.getString("last_error"),
            Sql.instant(rs, "created_at"), Sql.instant(rs, "next_attempt_at"), Sql.instant(rs, "finished_at"));

    private final Database db;
    private final SecretBox box;
    private final InstantSource clock;
    private volatile List<Webhook> active;

    WebhookService(Database db, SecretBox box, InstantSource clock) {
        this.db = db;
        this.box = box;
        this.clock = clock;
        reload();
    }

    public Webhook create(Webhook.Input in, String actor) {
        String url = checkUrl(in.url());
        List<String> types = checkTypes(in.types());
        String secret = in.secret();
        if (secret == null || secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
            // the value is a secret: the problem names its length only
            throw new ApiException.Invalid("secret", secret == null ? null : secret.length() + " characters",
                    MIN_SECRET + ".." + MAX_SECRET + " characters");
        }
        String description = in.description() == null ? "" : in.description();
        if (description.length() > MAX_DESCRIPTION) {
            throw new ApiException.Invalid("description", description.length() + " characters", "at most "
                    + MAX_DESCRIPTION + " characters");
        }
        SecretBox.Sealed sealed = box.seal(secret, SECRET_AAD);
        long id = db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO webhooks (url, types, description, key_id, nonce, "
                        + "sealed, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, url).bind(1, String.join(",", types)).bind(2, description).bind(3, box.keyId())
                .bind(4, sealed.nonce()).bind(5, sealed.box()).bind(6, actor).bind(7, Sql.ts(clock.instant()))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        reload();
        return get(id);
    }

    public Webhook get(long id) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM webhooks WHERE id = ?").bind(0, id).map(VIEW)
                .findOne()).orElseThrow(() -> new ApiException.NotFound("webhook", id));
    }

    public Page<Webhook> list(Paging paging) {
        long after = paging.cursor() == null ? 0 : paging.cursor().id();
        return db.jdbi().withHandle(h -> {
            List<Webhook> rows = h.createQuery("SELECT * FROM webhooks WHERE id > ? ORDER BY id LIMIT ?")
                    .bind(0, after).bind(1, paging.limit() + 1).map(VIEW).list();
            long total = h.createQuery("SELECT count(*) FROM webhooks").mapTo(Long.class).one();
            return Page.of(rows, paging.limit(), total, w -> new Cursor("", w.id()));
        });
    }

    /** Removes a webhook and its delivery log; deliveries not yet sent are dropped. */
    public void delete(long id) {
        int n = db.jdbi().withHandle(h -> h.createUpdate("DELETE FROM webhooks WHERE id = ?").bind(0, id).execute());
        if (n == 0) {
            throw new ApiException.NotFound("webhook", id);
        }
        reload();
    }

    /** A webhook's deliveries, newest first. */
    public Page<Webhook.Delivery> deliveries(long webhookId, Paging paging) {
        get(webhookId);
        return db.jdbi().withHandle(h -> {
            String cond = "webhook_id = ?" + (paging.cursor() == null ? "" : " AND id < ?");
            var q = h.createQuery("SELECT * FROM webhook_deliveries WHERE " + cond + " ORDER BY id DESC LIMIT ?")
                    .bind(0, webhookId);
            int i = 1;
            if (paging.cursor() != null) {
                q.bind(i++, paging.cursor().id());
            }
            List<Webhook.Delivery> rows = q.bind(i, paging.limit() + 1).map(DELIVERY).list();
            long total = h.createQuery("SELECT count(*) FROM webhook_deliveries WHERE webhook_id = ?").bind(0, webhookId)
                    .mapTo(Long.class).one();
            return Page.of(rows, paging.limit(), total, d -> new Cursor("", d.id()));
        });
    }

    /**
     * The transaction hook: a pending delivery per (matching event, enabled webhook). The list of webhooks is this
     * replica's copy: one deleted since (here or by another replica) is skipped by the INSERT's own look at the table,
     * so its foreign key never fails the batch, which would lose the events with it. A delete still in flight when the
     * look is made makes the key check wait for it and then fail: that is retried once, the delete committed by then.
     */
    void stored(Handle h, List<Event> events) {
        List<Webhook> hooks = active;
        if (hooks.isEmpty()) {
            return;
        }
        try {
            h.savepoint(SAVEPOINT);
            insertDeliveries(h, events, hooks);
        } catch (RuntimeException e) {
            if (!Sql.foreignKeyViolation(e)) {
                throw e;
            }
            h.rollbackToSavepoint(SAVEPOINT);
            insertDeliveries(h, events, hooks);
        }
    }

    private static final String SAVEPOINT = "webhook_deliveries";

    private void insertDeliveries(Handle h, List<Event> events, List<Webhook> hooks) {
        PreparedBatch b = h.prepareBatch("INSERT INTO webhook_deliveries (webhook_id, event_id, event_type, state, "
                + "created_at, next_attempt_at) SELECT id, ?, ?, 'pending', ?, ? FROM webhooks WHERE id = ?");
        int n = 0;
        var now = Sql.ts(clock.instant());
        for (Event e : events) {
            for (Webhook w : hooks) {
                if (w.types().stream().anyMatch(t -> t.equals("*") || EventFilter.typeMatches(t, e.type()))) {
                    b.bind(0, e.id()).bind(1, e.type()).bind(2, now).bind(3, now).bind(4, w.id()).add();
                    n++;
                }
            }
        }
        if (n > 0) {
            b.execute();
        }
    }

    /** Re-reads the enabled webhooks (after a change here; the dispatcher also calls it for other replicas'). */
    void reload() {
        active = db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM webhooks WHERE enabled ORDER BY id").map(VIEW)
                .list());
    }

    /** The secret of a webhook, for signing only. */
    String secret(long id) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT nonce, sealed FROM webhooks WHERE id = ?").bind(0, id)
                .map((rs, ctx) -> new SecretBox.Sealed(rs.getBytes(1), rs.getBytes(2))).findOne())
                .map(s -> box.open(s, SECRET_AAD)).orElseThrow(() -> new ApiException.NotFound("webhook", id));
    }

    private static String checkUrl(String url) {
        String rule = "an absolute http or https URL without user information, at most " + MAX_URL + " characters";
        if (url == null || url.length() > MAX_URL) {
            throw new ApiException.Invalid("url", url == null ? null : url.substring(0, 60) + "…", rule);
        }
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getRawUserInfo() != null) {
                throw new ApiException.Invalid("url", u.getRawUserInfo() != null ? "(user information hidden)" : url,
                        rule);
            }
            return u.toASCIIString();
        } catch (java.net.URISyntaxException e) {
            throw new ApiException.Invalid("url", url, rule + " (" + e.getReason() + ")");
        }
    }

    private static List<String> checkTypes(List<String> types) {
        if (types == null || types.isEmpty()) {
            return List.of("*");
        }
        if (types.size() > MAX_TYPES) {
            throw new ApiException.Invalid("types", types.size() + " types", "at most " + MAX_TYPES);
        }
        List<String> out = new ArrayList<>();
        for (String t : types) {
            out.add(EventFilter.checkType("types", t));
        }
        return out;
    }
}
