package io.phonectl.server.api;

import io.phonectl.server.http.Route;
import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.TestServer;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API document at /api/v1/openapi.json is valid OpenAPI 3.1 (swagger-parser), holds every route of the router,
 * and every operation it lists is served (a request to it is matched by a route: never no-route or 405).
 */
class OpenApiTest {

    static TestServer t;
    static OpenAPI api;
    static String raw;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        t = TestServer.start(Databases.H2, dir);
        Http.Answer a = t.http().get("/api/v1/openapi.json");
        assertThat(a.status()).isEqualTo(200);
        raw = a.body();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(raw, null, options);
        assertThat(result.getMessages()).as("swagger-parser messages").isEmpty();
        api = result.getOpenAPI();
        assertThat(api).isNotNull();
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void isOpenApi31() {
        assertThat(api.getOpenapi()).isEqualTo("3.1.0");
        assertThat(api.getComponents().getSchemas()).containsKeys("Problem", "Device", "DevicePage", "ImportReport");
    }

    @Test
    void everyRouteIsDocumented() {
        Set<String> documented = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(m -> documented.add(m.name() + " " + path)));
        Set<String> routed = new TreeSet<>();
        for (Route r : t.server.router().routes()) {
            if (!r.page()) { // console pages are HTML for people, not API operations
                routed.add(r.method() + " " + r.template());
            }
        }
        assertThat(documented).isEqualTo(routed);
        assertThat(routed).contains("GET /api/v1/devices", "POST /api/v1/session", "GET /api/v1/catalog/actions",
                "GET /health", "GET /metrics", "GET /api/v1/openapi.json");
    }

    @Test
    void everyDocumentedOperationIsServed() {
        Http anonymous = t.http();
        for (Map.Entry<String, PathItem> e : api.getPaths().entrySet()) {
            String path = e.getKey().replaceAll("\\{[^}]+}", "1");
            for (PathItem.HttpMethod m : e.getValue().readOperationsMap().keySet()) {
                String method = m.name().toUpperCase(Locale.ROOT);
                Http.Answer a = anonymous.send(method, path, method.equals("GET") || method.equals("DELETE") ? null
                        : "application/json", method.equals("GET") || method.equals("DELETE") ? null : new byte[0]);
                assertThat(a.status()).as(method + " " + path).isNotEqualTo(405);
                if (a.status() == 404) {
                    assertThat(a.body()).as(method + " " + path).doesNotContain("no-route");
                }
                boolean open = e.getValue().readOperationsMap().get(m).getSecurity().isEmpty();
                if (!open) {
                    assertThat(a.status()).as(method + " " + path + " without credentials").isEqualTo(401);
                }
            }
        }
    }
}
