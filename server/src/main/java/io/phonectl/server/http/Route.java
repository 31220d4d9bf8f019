package io.phonectl.server.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of the router's table: method, path template ({@code /api/v1/devices/{id}}), the least role allowed
 * (null = public), the endpoint, and what the OpenAPI document says about it. Build with {@link #get(String)},
 * {@link #post(String)}… and {@link Builder#handler(Endpoint)}.
 *
 * @param maxBody              the body cap of this route in bytes (0 = the server's default)
 * @param beforePasswordChange allowed to a session whose one-time password has not been changed yet
 * @param page                 a console page (HTML): not in the API document, errors answered by the router's
 *                             {@link PageErrors}
 */
public record Route(String method, String template, Role role, Endpoint endpoint, Doc doc, long maxBody,
                    boolean beforePasswordChange, boolean page) {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /** What the API document says about a route. */
    public record Doc(String tag, String summary, List<QueryParam> query, Class<?> requestBody,
                      List<String> requestMediaTypes, Class<?> responseBody, boolean paged, String responseMediaType,
                      int status) {
        public Doc {
            query = List.copyOf(query);
            requestMediaTypes = List.copyOf(requestMediaTypes);
        }
    }

    /** A documented query parameter; {@code type} is a JSON Schema type (string, integer, boolean). */
    public record QueryParam(String name, String type, String description) {
    }

    public Route {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(doc, "doc");
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("route method " + method + ": one of " + METHODS);
        }
        if (!template.startsWith("/") || (template.length() > 1 && template.endsWith("/"))) {
            throw new IllegalArgumentException("route template " + template + ": starts with / and does not end with one");
        }
    }

    /** State-changing methods: audited, and CSRF-checked when the caller authenticated by cookie. */
    public boolean mutating() {
        return !method.equals("GET");
    }

    /** The {@code {name}} segments of the template, in order. */
    public List<String> pathParams() {
        List<String> out = new ArrayList<>();
        for (String s : template.split("/")) {
            if (s.startsWith("{") && s.endsWith("}")) {
                out.add(s.substring(1, s.length() - 1));
            }
        }
        return out;
    }

    public static Builder get(String template) {
        return new Builder("GET", template);
    }

    public static Builder post(String template) {
        return new Builder("POST", template);
    }

    public static Builder put(String template) {
        return new Builder("PUT", template);
    }

    public static Builder patch(String template) {
        return new Builder("PATCH", template);
    }

    public static Builder delete(String template) {
        return new Builder("DELETE", template);
    }

    /** Collects a route's parts; {@link #handler(Endpoint)} finishes it. */
    public static final class Builder {
        private final String method;
        private final String template;
        private Role role = Role.ADMIN;
        private String tag = "";
        private String summary = "";
        private final List<QueryParam> query = new ArrayList<>();
        private Class<?> request;
        private List<String> requestTypes = List.of("application/json");
        private Class<?> response;
        private boolean paged;
        private String responseType = "application/json";
        private int status = 200;
        private long maxBody;
        private boolean beforePasswordChange;
        private boolean page;

        Builder(String method, String template) {
            this.method = method;
            this.template = template;
        }

        /** The least role allowed; every route says it (no default but admin). */
        public Builder role(Role r) {
            this.role = Objects.requireNonNull(r, "role");
            return this;
        }

        /** No authentication at all (health, metrics, the API document, login). */
        public Builder open() {
            this.role = null;
            return this;
        }

        public Builder doc(String tagName, String text) {
            this.tag = tagName;
            this.summary = text;
            return this;
        }

        public Builder query(String name, String type, String description) {
            query.add(new QueryParam(name, type, description));
            return this;
        }

        /** The standard paging parameters (limit, cursor). */
        public Builder paged() {
            query("limit", "integer", "items per page, 1.." + Paging.MAX_LIMIT + " (default " + Paging.DEFAULT_LIMIT + ")");
            return query("cursor", "string", "the previous page's next value");
        }

        public Builder request(Class<?> type) {
            this.request = type;
            return this;
        }

        public Builder request(Class<?> type, String... mediaTypes) {
            this.request = type;
            this.requestTypes = List.of(mediaTypes);
            return this;
        }

        public Builder response(Class<?> type) {
            this.response = type;
            return this;
        }

        public Builder response(int httpStatus, Class<?> type) {
            this.status = httpStatus;
            this.response = type;
            return this;
        }

        /** The answer is a {@link Page} of {@code itemType}. */
        public Builder responsePage(Class<?> itemType) {
            this.response = itemType;
            this.paged = true;
            return this;
        }

        public Builder responseType(String mediaType) {
            this.responseType = mediaType;
            return this;
        }

        public Builder maxBody(long bytes) {
            this.maxBody = bytes;
            return this;
        }

        public Builder beforePasswordChange() {
            this.beforePasswordChange = true;
            return this;
        }

        /** A console page: HTML for people, outside the API document; its errors become pages or redirects. */
        public Builder page() {
            this.page = true;
            return this;
        }

        public Route handler(Endpoint endpoint) {
            return new Route(method, template, role, endpoint,
                    new Doc(tag, summary, query, request, requestTypes, response, paged, responseType, status), maxBody,
                    beforePasswordChange, page);
        }
    }
}
