package io.phonectl.server.http;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * The OpenAPI 3.1 document, generated from the router's table: every route is in it by construction, with its
 * role ({@code x-required-role}), parameters, body and answer schemas (from the records), and the problem document
 * for errors. Console pages ({@link Route#page()}) are left out. Adding a route with {@link Route.Builder#doc} and {@link Route.Builder#response} is all it takes.
 */
public final class OpenApi {

    private OpenApi() {
    }

    public static ObjectNode document(Router router, String version) {
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "phonectl control service");
        info.put("version", version);
        info.put("description", "Fleet control for Cisco IP phones (XSI) and RoomOS/PhoneOS devices (xAPI). "
                + "Errors are RFC 9457 problem documents. See docs/service.md.");
        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        problemSchema(schemas);
        ObjectNode security = components.putObject("securitySchemes");
        security.putObject("bearer").put("type", "http").put("scheme", "bearer");
        security.putObject("session").put("type", "apiKey").put("in", "cookie").put("name", "phonectl_session");
        Schemas types = new Schemas(schemas);
        ObjectNode paths = doc.putObject("paths");
        for (Route r : router.routes()) {
            if (r.page()) {
                continue; // console pages are HTML for people, not part of the API
            }
            ObjectNode item = paths.has(r.template()) ? (ObjectNode) paths.get(r.template()) : paths.putObject(r.template());
            item.set(r.method().toLowerCase(Locale.ROOT), operation(r, types));
        }
        return doc;
    }

    private static ObjectNode operation(Route r, Schemas types) {
        Route.Doc d = r.doc();
        ObjectNode op = Json.mapper().createObjectNode();
        op.put("operationId", operationId(r));
        if (!d.tag().isEmpty()) {
            op.putArray("tags").add(d.tag());
        }
        op.put("summary", d.summary());
        ArrayNode security = op.putArray("security");
        if (r.role() != null) {
            security.addObject().putArray("bearer");
            security.addObject().putArray("session");
            op.put("x-required-role", r.role().spelling());
        }
        ArrayNode params = op.putArray("parameters");
        for (String p : r.pathParams()) {
            ObjectNode n = params.addObject();
            n.put("name", p).put("in", "path").put("required", true);
            n.putObject("schema").put("type", p.equals("id") || p.endsWith("Id") ? "integer" : "string");
        }
        for (Route.QueryParam q : d.query()) {
            ObjectNode n = params.addObject();
            n.put("name", q.name()).put("in", "query").put("required", false).put("description", q.description());
            n.putObject("schema").put("type", q.type());
        }
        if (d.requestBody() != null) {
            ObjectNode content = op.putObject("requestBody").put("required", true).putObject("content");
            for (String mt : d.requestMediaTypes()) {
                content.putObject(mt).set("schema", mt.endsWith("json") ? types.of(d.requestBody())
                        : Json.mapper().createObjectNode().put("type", "string"));
            }
        }
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject(Integer.toString(d.status()));
        ok.put("description", d.status() == 204 ? "done" : "success");
        if (d.status() != 204) {
            ObjectNode media = ok.putObject("content").putObject(d.responseMediaType());
            if (d.paged()) {
                media.putObject("schema").put("$ref", "#/components/schemas/" + types.page(d.responseBody()));
            } else if (d.responseBody() != null && d.responseMediaType().endsWith("json")) {
                media.set("schema", types.of(d.responseBody()));
            } else {
                media.putObject("schema").put("type", "string");
            }
        }
        ObjectNode problem = responses.putObject("default");
        problem.put("description", "an RFC 9457 problem document");
        problem.putObject("content").putObject("application/problem+json").putObject("schema")
                .put("$ref", "#/components/schemas/Problem");
        return op;
    }

    private static String operationId(Route r) {
        StringBuilder sb = new StringBuilder(r.method().toLowerCase(Locale.ROOT));
        for (String s : r.template().split("[/.]")) {
            if (s.isEmpty() || s.equals("api") || s.equals("v1")) {
                continue;
            }
            String w = s.startsWith("{") ? "By" + s.substring(1, 2).toUpperCase(Locale.ROOT) + s.substring(2, s.length() - 1)
                    : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
            sb.append(w.replace("-", ""));
        }
        return sb.toString();
    }

    private static void problemSchema(ObjectNode schemas) {
        ObjectNode p = schemas.putObject("Problem");
        p.put("type", "object");
        ObjectNode props = p.putObject("properties");
        props.putObject("type").put("type", "string");
        props.putObject("title").put("type", "string");
        props.putObject("status").put("type", "integer");
        props.putObject("detail").put("type", "string");
        props.putObject("field").put("type", "string").put("description", "the field at fault, if one is");
        props.putObject("value").putArray("type").add("string").add("null");
        props.putObject("rule").put("type", "string").put("description", "the rule the value breaks, and its source");
        p.putArray("required").add("type").add("title").add("status").add("detail");
    }
}
