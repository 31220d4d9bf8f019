package io.phonectl.server.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
    /** Each route's template split once, in the order of {@link #routes}: a request splits only its own path. */
    private final List<String[]> templates = new ArrayList<>();
    /** Method and shape of every route, to refuse an ambiguous one when it is added. */
    private final Map<String, String> shapes = new HashMap<>();

    public Router add(Route route) {
        String clash = shapes.putIfAbsent(route.method() + " " + shape(route.template()), route.template());
        if (clash != null) {
            throw new IllegalArgumentException("route " + route.method() + " " + route.template()
                    + " clashes with " + clash);
        }
        routes.add(route);
        templates.add(split(route.template()));
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
        int best = -1;
        int bestLiterals = -1;
        TreeSet<String> allowed = null;
        for (int r = 0; r < routes.size(); r++) {
            String[] template = templates.get(r);
            int literals = literals(template, segments);
            if (literals < 0) {
                continue;
            }
            if (!routes.get(r).method().equals(method)) {
                if (allowed == null) {
                    allowed = new TreeSet<>();
                }
                allowed.add(routes.get(r).method());
            } else if (literals > bestLiterals) {
                best = r;
                bestLiterals = literals;
            }
        }
        if (best >= 0) {
            String[] template = templates.get(best);
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < template.length; i++) {
                if (template[i].startsWith("{")) {
                    params.put(template[i].substring(1, template[i].length() - 1), segments[i]);
                }
            }
            return new Match(routes.get(best), params);
        }
        if (allowed != null) {
            throw new ApiException.MethodNotAllowed(method, path, new ArrayList<>(allowed));
        }
        throw new ApiException.NoRoute(path);
    }

    /** How many literal segments of the template the path matches, or -1 when it does not match it. */
    private static int literals(String[] template, String[] segments) {
        if (template.length != segments.length) {
            return -1;
        }
        int literals = 0;
        for (int i = 0; i < template.length; i++) {
            if (!template[i].startsWith("{")) {
                if (!template[i].equals(segments[i])) {
                    return -1;
                }
                literals++;
            }
        }
        return literals;
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
