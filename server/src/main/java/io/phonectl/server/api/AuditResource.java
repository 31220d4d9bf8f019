package io.phonectl.server.api;

import io.phonectl.server.audit.AuditEntry;
import io.phonectl.server.audit.AuditLog;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;

import java.util.List;

/** The audit log, newest first, filtered by actor, method, status and time (admins only). */
final class AuditResource {

    private AuditResource() {
    }

    static List<Route> routes(AuditLog audit) {
        return List.of(Route.get("/api/v1/audit").role(Role.ADMIN).doc("audit", "Every state-changing call, newest first")
                .paged().query("actor", "string", "user, user/token or system")
                .query("method", "string", "POST, PUT, PATCH, DELETE or SYSTEM")
                .query("status", "integer", "HTTP status answered")
                .query("since", "string", "ISO-8601 instant, inclusive").query("until", "string", "ISO-8601 instant, exclusive")
                .responsePage(AuditEntry.class).handler(ex -> {
                    String status = ex.query("status");
                    Integer s = null;
                    if (status != null) {
                        try {
                            s = Integer.parseInt(status);
                        } catch (NumberFormatException e) {
                            throw new ApiException.Invalid("status", status, "an HTTP status code");
                        }
                    }
                    AuditLog.Filter f = new AuditLog.Filter(ex.query("actor"), ex.query("method"), s,
                            AuditLog.instant("since", ex.query("since")), AuditLog.instant("until", ex.query("until")));
                    return Reply.ok(audit.list(f, ex.paging()));
                }));
    }
}
