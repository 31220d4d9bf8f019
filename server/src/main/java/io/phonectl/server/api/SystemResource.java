package io.phonectl.server.api;

import io.phonectl.server.health.Health;
import io.phonectl.server.http.Json;
import io.phonectl.server.http.OpenApi;
import io.phonectl.server.http.Reply;
import io.phonectl.server.http.Route;
import io.phonectl.server.http.Router;
import io.phonectl.server.metrics.Metrics;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code /health}, {@code /metrics} and the API document: public, for probes, scrapers and client generators. */
final class SystemResource {

    private SystemResource() {
    }

    static List<Route> routes(Health health, Metrics metrics) {
        return List.of(
                Route.get("/health").open().doc("system", "Liveness and readiness (a database round trip); 503 when not ready")
                        .response(Health.Report.class).handler(ex -> {
                            Health.Report r = health.check();
                            return new Reply(r.ready() ? 200 : 503, r, null, null, "application/json",
                                    java.util.Map.of());
                        }),
                Route.get("/metrics").open().doc("system", "Prometheus metrics (text format 0.0.4)")
                        .responseType(Metrics.CONTENT_TYPE).handler(ex -> Reply.raw(200, Metrics.CONTENT_TYPE,
                                metrics.scrape().getBytes(StandardCharsets.UTF_8))));
    }

    /** The OpenAPI document of every route of {@code router}, this one included; generated once. */
    static Route openApi(Router router, String version) {
        byte[][] cached = new byte[1][];
        return Route.get("/api/v1/openapi.json").open().doc("system", "This API's OpenAPI 3.1 document")
                .handler(ex -> {
                    synchronized (cached) {
                        if (cached[0] == null) {
                            cached[0] = Json.write(OpenApi.document(router, version));
                        }
                    }
                    return Reply.raw(200, "application/json", cached[0]);
                });
    }
}
