package io.phonectl.server.api;

import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Role;
import io.phonectl.server.http.Route;
import io.phonectl.server.readiness.ReadinessService;

import java.util.List;

/**
 * The readiness trend. Audits themselves are jobs ({@code POST /api/v1/jobs} with {@code "action":"readiness"}), so
 * they are created, cancelled, scheduled, audited and read like any other job.
 */
public final class ReadinessResource {

    private ReadinessResource() {
    }

    public static List<Route> routes(ReadinessService readiness) {
        return List.of(Route.get("/api/v1/readiness").role(Role.VIEWER)
                .doc("readiness", "The readiness trend: the latest audits, newest first, ready devices and the "
                        + "others by reason code")
                .query("limit", "integer", "how many audits (1..365, default 30)")
                .response(ReadinessService.Trend.class)
                .handler(ex -> Reply.ok(readiness.trend(limit(ex.query("limit"))))));
    }

    private static int limit(String s) {
        if (s == null || s.isBlank()) {
            return 30;
        }
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new ApiException.Invalid("limit", s, "an integer 1.." + ReadinessService.MAX_AUDITS);
        }
    }
}
