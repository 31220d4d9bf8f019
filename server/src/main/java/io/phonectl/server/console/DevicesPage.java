package io.phonectl.server.console;

import io.phonectl.server.device.Device;
import io.phonectl.server.device.DeviceFiles;
import io.phonectl.server.device.DeviceSelector;
import io.phonectl.server.device.DeviceService;
import io.phonectl.server.device.ImportReport;
import io.phonectl.server.group.Group;
import io.phonectl.server.group.GroupService;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Cursor;
import io.phonectl.server.http.Exchange;
import io.phonectl.server.http.MultipartForm;
import io.phonectl.server.http.Page;
import io.phonectl.server.http.Paging;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The device list: server-side paging (cursor), sorting by a column, the selector language and free text as
 * filters, bulk selection (add to a static group, delete), import with the per-row report, export.
 */
public final class DevicesPage {

    static final List<Integer> LIMITS = List.of(25, 50, 100, 200);
    static final int DEFAULT_LIMIT = 50;
    private static final Set<String> PARAMS = Set.of("where", "q", "sort", "limit", "cursor", "n", "ok");

    /** The list page. {@code from} is the 1-based number of the first row shown. */
    public record View(Frame frame, Filter filter, List<Device> rows, long total, long from, String nextHref,
                       String firstHref, List<Column> columns, List<Group> groups, String exportCsv,
                       String exportJson, String filterError) {
        public long to() {
            return from + rows.size() - 1;
        }
    }

    /** The filter as given (echoed into the form and into every link). */
    public record Filter(String where, String q, String sort, int limit) {
        public List<Integer> limits() {
            return LIMITS;
        }

        /** The list's URL with this filter, plus extra parameters. */
        public String href(String... more) {
            StringBuilder sb = new StringBuilder("/devices?");
            add(sb, "where", where);
            add(sb, "q", q);
            add(sb, "sort", sort.equals("id") ? "" : sort);
            add(sb, "limit", limit == DEFAULT_LIMIT ? "" : Integer.toString(limit));
            for (int i = 0; i + 1 < more.length; i += 2) {
                add(sb, more[i], more[i + 1]);
            }
            return sb.charAt(sb.length() - 1) == '?' || sb.charAt(sb.length() - 1) == '&'
                    ? sb.substring(0, sb.length() - 1) : sb.toString();
        }

        /** The selector of this filter, for export and compose links: the where text and the free text. */
        public String selector() {
            String any = q.isBlank() ? "" : "any=*" + q.strip() + "*";
            return where.isBlank() ? any : any.isEmpty() ? where.strip() : where.strip() + ";" + any;
        }

        private static void add(StringBuilder sb, String name, String value) {
            if (value != null && !value.isEmpty()) {
                sb.append(name).append('=').append(Html.url(value)).append('&');
            }
        }
    }

    /** A sortable column header: its link and, when the list is sorted by it, the direction (aria-sort). */
    public record Column(String key, String label, String href, String ariaSort) {
    }

    /** The import page, with the report after an upload. */
    public record ImportView(Frame frame, ImportReport report, String fileName) {
    }

    private DevicesPage() {
    }

    static List<Route> routes(DeviceService devices, GroupService groups, long maxImport) {
        return List.of(
                Route.get("/devices").role(Role.VIEWER).page().doc("console", "Devices").handler(ex -> list(ex, devices,
                        groups)),
                Route.post("/devices/bulk").role(Role.OPERATOR).page().doc("console", "Act on selected devices")
                        .handler(ex -> bulk(ex, devices, groups)),
                Route.get("/devices/import").role(Role.OPERATOR).page().doc("console", "Import page")
                        .handler(ex -> Html.page("import.jte", new ImportView(Html.frame(ex, "Import devices",
                                "devices"), null, null))),
                Route.post("/devices/import").role(Role.OPERATOR).page().maxBody(maxImport)
                        .doc("console", "Import a fleet file").handler(ex -> importFile(ex, devices)));
    }

    private static Reply list(Exchange ex, DeviceService devices, GroupService groups) {
        for (String name : ex.queryNames()) {
            if (!PARAMS.contains(name)) {
                throw new ApiException.Invalid(name, ex.query(name), "one of the list's parameters " + PARAMS);
            }
        }
        String sort = orEmpty(ex.query("sort")).strip();
        Filter filter = new Filter(orEmpty(ex.query("where")), orEmpty(ex.query("q")), sort.isEmpty() ? "id" : sort,
                limit(ex.query("limit")));
        Frame frame = Html.frame(ex, "Devices", "devices");
        long before = count(ex.query("n"));
        Page<Device> page;
        String error = null;
        try {
            DeviceSelector selector = DeviceSelector.parse("where", filter.where()).search("q", filter.q());
            DeviceService.Sort by = DeviceService.Sort.parse("sort", filter.sort());
            page = devices.list(selector, new Paging(filter.limit(), Cursor.decode(ex.query("cursor"))), by,
                    filter.sort().startsWith("-"));
        } catch (ApiException.Invalid e) {
            page = new Page<>(List.of(), null, 0);
            error = e.getMessage();
            before = 0;
        }
        String next = page.next() == null ? null
                : filter.href("cursor", page.next(), "n", Long.toString(before + page.items().size()));
        String first = before > 0 ? filter.href() : null;
        List<Group> statics = frame.operator() ? staticGroups(groups) : List.of();
        String sel = filter.selector();
        String export = "/api/v1/devices/export?" + (sel.isEmpty() ? "" : "where=" + Html.url(sel) + "&") + "format=";
        View v = new View(frame, filter, page.items(), page.total(), before + 1, next, first, columns(filter),
                statics, export + "csv", export + "json", error);
        return Html.page(error == null ? 200 : 400, "devices.jte", v);
    }

    private static List<Column> columns(Filter f) {
        List<Column> out = new ArrayList<>();
        String[][] all = {{"name", "Name"}, {"address", "Address"}, {"model", "Model"}, {"kind", "Kind"},
                {"site", "Site"}};
        for (String[] c : all) {
            boolean asc = f.sort().equals(c[0]);
            boolean desc = f.sort().equals("-" + c[0]);
            Filter toggled = new Filter(f.where(), f.q(), asc ? "-" + c[0] : c[0], f.limit());
            out.add(new Column(c[0], c[1], toggled.href(), asc ? "ascending" : desc ? "descending" : null));
        }
        return out;
    }

    private static List<Group> staticGroups(GroupService groups) {
        return groups.list(Paging.first(Paging.MAX_LIMIT)).items().stream()
                .filter(g -> g.kind() == Group.Kind.STATIC).toList();
    }

    /**
     * Bulk actions on the ticked rows: delete them, add them to a static group (an existing one or a new one), or
     * compose a job for them.
     */
    private static Reply bulk(Exchange ex, DeviceService devices, GroupService groups) {
        Map<String, List<String>> form = ex.form();
        List<Long> ids = new ArrayList<>();
        for (String id : form.getOrDefault("id", List.of())) {
            try {
                ids.add(Long.parseLong(id));
            } catch (NumberFormatException e) {
                throw new ApiException.Invalid("id", id, "device ids");
            }
        }
        String back = SignIn.next(SignIn.first(form, "back"));
        back = back.startsWith("/devices") ? back : "/devices";
        String sep = back.contains("?") ? "&" : "?";
        if (ids.isEmpty()) {
            throw new ApiException.Invalid("id", "", "at least one ticked device");
        }
        if (ids.size() > Paging.MAX_LIMIT) {
            throw new ApiException.Invalid("id", ids.size() + " ids", "at most " + Paging.MAX_LIMIT + " devices at once");
        }
        String op = SignIn.first(form, "op");
        ex.target(ids.size() == 1 ? ids.get(0).toString() : ids.size() + " devices");
        switch (op) {
            case "delete" -> {
                for (long id : ids) {
                    devices.delete(id);
                }
                return Html.redirect(back + sep + "ok=deleted");
            }
            case "group" -> {
                String newGroup = SignIn.first(form, "newGroup").strip();
                if (!newGroup.isEmpty()) {
                    groups.create(newGroup, "static", null, "", ids);
                } else {
                    String group = SignIn.first(form, "group");
                    long gid;
                    try {
                        gid = Long.parseLong(group);
                    } catch (NumberFormatException e) {
                        throw new ApiException.Invalid("group", group, "a static group, or a new group's name");
                    }
                    groups.addMembers(gid, ids);
                }
                return Html.redirect(back + sep + "ok=saved");
            }
            case "compose" -> {
                // to compose with the ticked devices as the target (a redirect keeps the CSRF token out of the URL)
                StringBuilder to = new StringBuilder("/compose?target=devices");
                ids.forEach(id -> to.append("&id=").append(id));
                return Html.redirect(to.toString());
            }
            default -> throw new ApiException.Invalid("op", op, "delete, group or compose");
        }
    }

    private static Reply importFile(Exchange ex, DeviceService devices) {
        MultipartForm form = ex.multipart();
        Frame frame = Html.frame(ex, "Import devices", "devices");
        MultipartForm.Upload file = form.file("file");
        String pasted = form.field("text");
        ImportReport report;
        String name;
        try {
            if (file != null) {
                name = file.fileName();
                report = devices.importRows(DeviceFiles.read(file.bytes(), DeviceFiles.format(file.fileName())));
            } else if (pasted != null && !pasted.isBlank()) {
                name = "pasted text";
                String format = pasted.strip().startsWith("[") || pasted.strip().startsWith("{") ? "json" : "csv";
                report = devices.importRows(DeviceFiles.read(pasted.getBytes(StandardCharsets.UTF_8), format));
            } else {
                return Html.page(400, "import.jte", new ImportView(frame.withError(
                        "Choose a CSV or JSON file, or paste its text."), null, null));
            }
        } catch (ApiException e) {
            return Html.page(e.status(), "import.jte", new ImportView(frame.withError(e.getMessage()), null, null));
        }
        ex.target(name);
        return Html.page("import.jte", new ImportView(frame, report, name));
    }

    private static int limit(String s) {
        if (s == null || s.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(s.strip());
            if (LIMITS.contains(n)) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ApiException.Invalid("limit", s, "one of " + LIMITS);
    }

    private static long count(String s) {
        if (s == null || s.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
            throw new ApiException.Invalid("n", s, "the number of rows before this page");
        }
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
