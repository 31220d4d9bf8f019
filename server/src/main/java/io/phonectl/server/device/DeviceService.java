package io.phonectl.server.device;

import io.phonectl.server.credential.CredentialService;
import io.phonectl.server.db.Database;
import io.phonectl.server.db.ReadCache;
import io.phonectl.server.db.Sql;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Cursor;
import io.phonectl.server.http.Page;
import io.phonectl.server.http.Paging;
import org.jdbi.v3.core.Handle;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The device registry: create, read, change, delete, list by selector with stable cursors, import and export,
 * and the last known state that jobs write. Names are unique.
 */
public final class DeviceService {

    /** List order: by id (insertion, the default) or by a text column; the id breaks ties. */
    public enum Sort {
        ID(null), NAME("d.name"), ADDRESS("d.address"), MODEL("d.model"), SITE("d.site"), KIND("d.kind");

        private final String column;

        Sort(String column) {
            this.column = column;
        }

        /** The API's spelling ({@code id}, {@code name}…). */
        public String spelling() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        String key(Device d) {
            return switch (this) {
                case ID -> "";
                case NAME -> d.name();
                case ADDRESS -> d.address();
                case MODEL -> d.model();
                case SITE -> d.site();
                case KIND -> d.kind().spelling();
            };
        }

        /** {@code name}, or {@code -name} for descending; null or blank is {@code id}. */
        public static Sort parse(String field, String text) {
            String t = text == null || text.isBlank() ? "id" : text.strip();
            String bare = t.startsWith("-") ? t.substring(1) : t;
            for (Sort s : values()) {
                if (s.spelling().equals(bare)) {
                    return s;
                }
            }
            throw new ApiException.Invalid(field, text, "one of id, name, address, model, site, kind, "
                    + "with a leading - for descending order");
        }
    }

    private final Database db;
    private final CredentialService credentials;
    private final DeviceConfig config;
    private final InstantSource clock;
    /**
     * Pages as read (and their JSON once the API asked for it), kept until something is written ({@link ReadCache}):
     * a page is its query's text and arguments (selector, order, cursor, limit); at most 20,000 devices kept over all
     * pages.
     */
    private final ReadCache<PageQuery, KeptPage> pages;

    private record PageQuery(String sql, List<Object> args) {
    }

    public DeviceService(Database db, CredentialService credentials, DeviceConfig config, InstantSource clock) {
        this.db = db;
        this.credentials = credentials;
        this.config = config;
        this.clock = clock;
        this.pages = new ReadCache<>(db, 20_000, KeptPage::weight);
    }

    public DeviceConfig config() {
        return config;
    }

    public Device create(DeviceInput input) {
        DeviceRules.Valid v = DeviceRules.check(input, credentials::idByName);
        long id = unique(v.name(), () -> db.jdbi().inTransaction(h -> insert(h, v)));
        return get(id);
    }

    public Device get(long id) {
        return db.jdbi().withHandle(h -> find(h, id)).orElseThrow(() -> new ApiException.NotFound("device", id));
    }

    public Optional<Device> byName(String name) {
        return db.jdbi().withHandle(h -> DeviceRows.read(h, h.createQuery(DeviceRows.SELECT + "WHERE d.name = ?")
                .bind(0, name)).stream().findFirst());
    }

    /** Changes the members given (null = unchanged; "" clears site, user and credentials). */
    public Device update(long id, DeviceInput patch) {
        Device old = get(id);
        DeviceInput merged = new DeviceInput(or(patch.name(), old.name()), or(patch.address(), old.address()),
                or(patch.model(), old.model()), or(patch.kind(), old.kind().spelling()), or(patch.site(), old.site()),
                patch.tags() != null ? patch.tags() : old.tags(), or(patch.user(), old.user()),
                or(patch.credentials(), old.credentials()));
        DeviceRules.Valid v = DeviceRules.check(merged, credentials::idByName);
        unique(v.name(), () -> db.jdbi().inTransaction(h -> {
            update(h, id, v);
            return id;
        }));
        return get(id);
    }

    public void delete(long id) {
        int n = db.jdbi().withHandle(h -> h.createUpdate("DELETE FROM devices WHERE id = ?").bind(0, id).execute());
        if (n == 0) {
            throw new ApiException.NotFound("device", id);
        }
    }

    public Page<Device> list(DeviceSelector selector, Paging paging, Sort sort) {
        return list(selector, paging, sort, false);
    }

    /** One page in this order; the cursor holds the last row's sort key and id, so pages are stable under inserts. */
    public Page<Device> list(DeviceSelector selector, Paging paging, Sort sort, boolean descending) {
        return kept(selector, paging, sort, descending).page();
    }

    /**
     * The same page as the API's JSON answer: while the page is kept, the bytes written for its first request
     * ({@link KeptPage}). The array is shared: not to be changed.
     */
    public byte[] listJson(DeviceSelector selector, Paging paging, Sort sort, boolean descending) {
        return kept(selector, paging, sort, descending).json();
    }

    private KeptPage kept(DeviceSelector selector, Paging paging, Sort sort, boolean descending) {
        DeviceSelector.Where w = selector.where();
        List<Object> args = new ArrayList<>(w.args());
        String cond = w.sql();
        Cursor c = paging.cursor();
        String after = descending ? "<" : ">";
        if (c != null && sort.column != null) {
            cond += " AND (" + sort.column + " " + after + " ? OR (" + sort.column + " = ? AND d.id " + after + " ?))";
            args.addAll(List.of(c.key(), c.key(), c.id()));
        } else if (c != null) {
            cond += " AND d.id " + after + " ?";
            args.add(c.id());
        }
        String dir = descending ? " DESC" : "";
        String order = (sort.column == null ? "" : sort.column + dir + ", ") + "d.id" + dir;
        String sql = DeviceRows.SELECT + "WHERE " + cond + " ORDER BY " + order + " LIMIT ?";
        args.add(paging.limit() + 1);
        return pages.get(new PageQuery(sql, java.util.Arrays.asList(args.toArray())), () -> db.jdbi().withHandle(h -> {
            List<Device> rows = DeviceRows.read(h, Sql.bind(h.createQuery(sql), args));
            long total = count(h, w);
            return new KeptPage(Page.of(rows, paging.limit(), total, d -> new Cursor(sort.key(d), d.id())));
        }));
    }

    /**
     * The fleet at a glance: how many devices are reachable, unreachable or never contacted, by model and by site.
     * One scan of the table grouped by (model, site, state), folded here: three GROUP BYs would read it three times.
     */
    public DeviceStats stats(int top) {
        record Group(String model, String site, Boolean reachable, long n) {
        }
        List<Group> groups = db.jdbi().withHandle(h -> h.createQuery("SELECT model, site, reachable, count(*) AS n "
                        + "FROM devices GROUP BY model, site, reachable")
                .map((rs, ctx) -> new Group(rs.getString("model"), rs.getString("site"), Sql.bool(rs, "reachable"),
                        rs.getLong("n"))).list());
        long[] state = new long[3];
        Map<String, long[]> models = new HashMap<>();
        Map<String, long[]> sites = new HashMap<>();
        for (Group g : groups) {
            int i = g.reachable() == null ? 2 : g.reachable() ? 0 : 1;
            state[i] += g.n();
            models.computeIfAbsent(g.model(), k -> new long[3])[i] += g.n();
            sites.computeIfAbsent(g.site(), k -> new long[3])[i] += g.n();
        }
        return new DeviceStats(state[0] + state[1] + state[2], state[0], state[1], state[2], top(models, top),
                top(sites, top));
    }

    /** The largest values, most devices first (ties by value). */
    private static List<DeviceStats.Count> top(Map<String, long[]> by, int top) {
        return by.entrySet().stream().map(e -> new DeviceStats.Count(e.getKey(), e.getValue()[0] + e.getValue()[1]
                        + e.getValue()[2], e.getValue()[0], e.getValue()[1]))
                .sorted(java.util.Comparator.comparingLong(DeviceStats.Count::devices).reversed()
                        .thenComparing(DeviceStats.Count::value))
                .limit(top).toList();
    }

    public long count(DeviceSelector selector) {
        return db.jdbi().withHandle(h -> count(h, selector.where()));
    }

    /** The ids a selector picks, in id order (a job's target is resolved once, at creation). */
    public List<Long> ids(DeviceSelector selector) {
        DeviceSelector.Where w = selector.where();
        return db.jdbi().withHandle(h -> Sql.bind(h.createQuery("SELECT d.id FROM devices d WHERE " + w.sql()
                + " ORDER BY d.id"), w.args()).mapTo(Long.class).list());
    }

    /** Every selected device, in id order, read in pages so an export of a large fleet holds one page at a time. */
    public void forEach(DeviceSelector selector, Consumer<Device> each) {
        Paging paging = Paging.first(Paging.MAX_LIMIT);
        while (true) {
            Page<Device> page = list(selector, paging, Sort.ID);
            page.items().forEach(each);
            if (page.next() == null) {
                return;
            }
            paging = new Paging(Paging.MAX_LIMIT, Cursor.decode(page.next()));
        }
    }

    /** Records what the service last learnt about a device (jobs call this with each final outcome). */
    public void recordState(long id, Device.State state) {
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE devices SET reachable = ?, firmware = coalesce(?, firmware), "
                        + "last_contact_at = coalesce(?, last_contact_at), last_outcome = ?, last_detail = ?, "
                        + "last_job_id = coalesce(?, last_job_id) WHERE id = ?")
                .bind(0, state.reachable()).bind(1, state.firmware()).bind(2, Sql.ts(state.lastContact()))
                .bind(3, state.lastOutcome()).bind(4, clip(state.lastDetail(), 500)).bind(5, state.lastJob())
                .bind(6, id).execute());
    }

    /** Imports rows: each is added (new name), updated (known name) or refused with the reason. */
    public ImportReport importRows(List<ImportRow> rows) {
        if (rows.size() > config.maxImportRows()) {
            throw new ApiException.TooLarge("rows", rows.size(), "at most " + config.maxImportRows() + " rows per import");
        }
        return db.jdbi().inTransaction(h -> new DeviceImport(h, credentials::idByName, this).run(rows));
    }

    long insert(Handle h, DeviceRules.Valid v) {
        var now = Sql.ts(clock.instant());
        long id = h.createUpdate("INSERT INTO devices (name, kind, host, port, address, model, model_number, site, "
                        + "username, credential_id, created_at, updated_at, search) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, v.name()).bind(1, v.kind().spelling()).bind(2, v.address().host()).bind(3, v.address().port())
                .bind(4, v.address().toString()).bind(5, v.model()).bind(6, v.modelNumber()).bind(7, v.site())
                .bind(8, v.user()).bind(9, v.credentialId()).bind(10, now).bind(11, now).bind(12, v.search())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        tags(h, id, v.tags());
        return id;
    }

    void update(Handle h, long id, DeviceRules.Valid v) {
        h.createUpdate("UPDATE devices SET name = ?, kind = ?, host = ?, port = ?, address = ?, model = ?, "
                        + "model_number = ?, site = ?, username = ?, credential_id = ?, updated_at = ?, search = ? "
                        + "WHERE id = ?")
                .bind(0, v.name()).bind(1, v.kind().spelling()).bind(2, v.address().host()).bind(3, v.address().port())
                .bind(4, v.address().toString()).bind(5, v.model()).bind(6, v.modelNumber()).bind(7, v.site())
                .bind(8, v.user()).bind(9, v.credentialId()).bind(10, Sql.ts(clock.instant())).bind(11, v.search())
                .bind(12, id).execute();
        h.createUpdate("DELETE FROM device_tags WHERE device_id = ?").bind(0, id).execute();
        tags(h, id, v.tags());
    }

    private static void tags(Handle h, long id, List<String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        var batch = h.prepareBatch("INSERT INTO device_tags (device_id, tag) VALUES (?, ?)");
        for (String t : tags) {
            batch.bind(0, id).bind(1, t).add();
        }
        batch.execute();
    }

    private static Optional<Device> find(Handle h, long id) {
        return DeviceRows.read(h, h.createQuery(DeviceRows.SELECT + "WHERE d.id = ?").bind(0, id)).stream().findFirst();
    }

    private static long count(Handle h, DeviceSelector.Where w) {
        return Sql.bind(h.createQuery("SELECT count(*) FROM devices d WHERE " + w.sql()), w.args()).mapTo(Long.class).one();
    }

    private static long unique(String name, java.util.function.Supplier<Long> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (Sql.uniqueViolation(e)) {
                throw new ApiException.Conflict("name", name, "a device name not in use");
            }
            throw e;
        }
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
