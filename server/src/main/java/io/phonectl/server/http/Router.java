package io.phonectl.server.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The one list of routes. Matching is by path segments; a literal segment beats a {@code {param}} one, so
 * {@code /devices/import} and {@code /devices/{id}} can live together. The OpenAPI document and its test read
 * {@link #routes()}. Add routes before the server starts; the table is read without locks afterwards.
 */
public final class Router {

    /** A matched route with its path parameters. */
    public record Match(Route route, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router add(Route route) {
        for (Route r : routes) {
            if (r.method().equals(route.method()) && shape(r.template()).equals(shape(route.template()))) {
                throw new IllegalArgumentException("route " + route.method() + " " + route.template()
                        + " clashes with " + r.template());
            }
        }
        routes.add(route);
        return this;
    }

    public Router addAll(List<Route> more) {
        more.forEach(this::add);
        return this;
    }

    public List<Route> routes() {
        return Collections.unmodifiableList(routes);
    }

    /**
     * The route for this method and path.
     *
     * @throws ApiException.NoRoute          no route has this path
     * @throws ApiException.MethodNotAllowed routes have this path, but not with this method
     */
    public Match match(String method, String path) {
        String[] segments = split(path);
        Match best = null;
        int bestLiterals = -1;
        TreeSet<String> allowed = new TreeSet<>();
        for (Route r : routes) {
            String[] template = split(r.template());
            if (template.length != segments.length) {
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            int literals = 0;
            boolean ok = true;
            for (int i = 0; i < template.length && ok; i++) {
                String t = template[i];
                if (t.startsWith("{")) {
                    params.put(t.substring(1, t.length() - 1), segments[i]);
                } else if (t.equals(segments[i])) {
                    literals++;
                } else {
                    ok = false;
                }
            }
            if (!ok) {
                continue;
            }
            if (!r.method().equals(method)) {
                allowed.add(r.method());
                continue;
            }
            if (literals > bestLiterals) {
                best = new Match(r, params);
                bestLiterals = literals;
            }
        }
        if (best != null) {
            return best;
        }
        if (!allowed.isEmpty()) {
            throw new ApiException.MethodNotAllowed(method, path, new ArrayList<>(allowed));
        }
        throw new ApiException.NoRoute(path);
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    /** The template with every parameter written alike: two routes of one shape and method would be ambiguous. */
    private static String shape(String template) {
        return template.replaceAll("\\{[^}]*}", "{}");
    }
}
