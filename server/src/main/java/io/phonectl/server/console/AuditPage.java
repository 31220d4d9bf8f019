package io.phonectl.server.console;

import io.phonectl.server.audit.AuditEntry;
import io.phonectl.server.audit.AuditLog;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Page;
import io.phonectl.server.http.Paging;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;

import java.util.List;

/** The audit log (admins), newest first, filtered by actor, method and status, paged. */
public final class AuditPage {

    static final int LIMIT = 50;

    public record View(Frame frame, String actor, String method, String status, List<AuditEntry> entries, long total,
                       String nextHref, String firstHref, List<String> methods) {
    }

    private AuditPage() {
    }

    static List<Route> routes(AuditLog audit) {
        return List.of(Route.get("/audit").role(Role.ADMIN).page().doc("console", "Audit log").handler(ex -> {
            String actor = blankToNull(ex.query("actor"));
            String method = blankToNull(ex.query("method"));
            String status = blankToNull(ex.query("status"));
            Integer s = null;
            if (status != null) {
                try {
                    s = Integer.parseInt(status.strip());
                } catch (NumberFormatException e) {
                    throw new ApiException.Invalid("status", status, "an HTTP status code");
                }
            }
            Page<AuditEntry> page = audit.list(new AuditLog.Filter(actor, method, s, null, null),
                    Paging.of(Integer.toString(LIMIT), ex.query("cursor")));
            String base = "/audit?" + (actor == null ? "" : "actor=" + Html.url(actor) + "&")
                    + (method == null ? "" : "method=" + Html.url(method) + "&")
                    + (status == null ? "" : "status=" + Html.url(status) + "&");
            String next = page.next() == null ? null : base + "cursor=" + page.next();
            String first = ex.query("cursor") == null ? null : base.substring(0, base.length() - 1);
            return Html.page("audit.jte", new View(Html.frame(ex, "Audit log", "audit"), orEmpty(actor),
                    orEmpty(method), orEmpty(status), page.items(), page.total(), next, first,
                    List.of("POST", "PUT", "PATCH", "DELETE", "SYSTEM")));
        }));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
