package io.phonectl.server.http;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One request as an endpoint sees it: who asks, the path and query parameters, the body (read at most once and
 * never past the route's cap), and what the audit log should name as actor and target.
 */
public final class Exchange {

    private final Request request;
    private final Principal principal;
    private final Router.Match match;
    private final long maxBody;
    private Fields query;
    private byte[] body;
    /** The body was read to its end (read, or refused after reading it: {@link CappedBody}). */
    private boolean bodyEnded;
    /** The body's refusal, once it was found over the cap. */
    private ApiException.TooLarge refused;
    private MultipartForm multipart;
    private String target;
    private String actor;
    private final List<HttpCookie> cookies = new ArrayList<>();

    Exchange(Request request, Principal principal, Router.Match match, long maxBody) {
        this.request = request;
        this.principal = principal;
        this.match = match;
        this.maxBody = maxBody;
    }

    public Principal principal() {
        return principal;
    }

    public Route route() {
        return match.route();
    }

    /** The raw Jetty request, for endpoints that need more than this class offers (streams, headers). */
    public Request request() {
        return request;
    }

    public String pathParam(String name) {
        String v = match.params().get(name);
        if (v == null) {
            throw new IllegalStateException("route " + match.route().template() + " has no parameter " + name);
        }
        return v;
    }

    /** A {@code {name}} path segment that is a row id; sets the audit target. */
    public long id(String name) {
        String v = pathParam(name);
        long id;
        try {
            id = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ApiException.Invalid(name, v, "a positive integer id");
        }
        if (id < 1) {
            throw new ApiException.Invalid(name, v, "a positive integer id");
        }
        target(id);
        return id;
    }

    /** A query parameter, or null when absent. Control characters are refused (no column holds them). */
    public String query(String name) {
        return printable(name, queryFields().getValue(name));
    }

    /** Every value of a repeatable query parameter. */
    public List<String> queryAll(String name) {
        List<String> v = queryFields().getValues(name);
        if (v == null) {
            return List.of();
        }
        v.forEach(x -> printable(name, x));
        return v;
    }

    private static String printable(String name, String value) {
        if (value != null && value.chars().anyMatch(Character::isISOControl)) {
            throw new ApiException.Invalid(name, value.replaceAll("\\p{Cntrl}", "?"), "no control characters");
        }
        return value;
    }

    /** Query parameter names present; endpoints refuse names they do not know. */
    public Set<String> queryNames() {
        return queryFields().getNames();
    }

    public Paging paging() {
        return Paging.of(query("limit"), query("cursor"));
    }

    private Fields queryFields() {
        if (query == null) {
            query = Request.extractQueryParameters(request);
        }
        return query;
    }

    /** The media type of the body without parameters, lower case; "" when absent. */
    public String contentType() {
        String ct = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (ct == null) {
            return "";
        }
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /** The body bound to a record; the body must be {@code application/json}. */
    public <T> T json(Class<T> type) {
        if (!contentType().equals("application/json")) {
            throw new ApiException.UnsupportedMediaType(contentType(), "application/json");
        }
        return Json.read(body(), type);
    }

    /**
     * The whole body. One over the cap (declared, or found past it when read) is refused; its bytes are read and
     * dropped first when it is short enough ({@link CappedBody}), so that the refusal reaches the client.
     */
    public byte[] body() {
        if (body != null) {
            return body;
        }
        if (refused != null) {
            throw refused; // read once already: what is left of the stream is not the body
        }
        CappedBody.Read read;
        try {
            read = CappedBody.read(request, maxBody);
        } catch (IOException e) {
            throw new ApiException.Invalid("body", "", "a complete request body (" + e.getMessage() + ")");
        }
        bodyEnded = read.ended();
        if (read.tooLarge()) {
            refused = tooLarge(read.declared() > maxBody ? read.declared() + " bytes" : "more than " + maxBody + " bytes");
            throw refused;
        }
        body = read.bytes();
        return body;
    }

    /** Whether the body was read to its end (a refused request whose body was not leaves the connection unusable). */
    boolean bodyRead() {
        return bodyEnded;
    }

    private ApiException.TooLarge tooLarge(String size) {
        return new ApiException.TooLarge("body", size, "at most " + maxBody + " bytes for "
                + match.route().method() + " " + match.route().template());
    }

    public String remoteAddress() {
        return Request.getRemoteAddr(request);
    }

    public boolean secure() {
        return request.isSecure();
    }

    /** The value of a request cookie, or null. */
    public String cookie(String name) {
        for (HttpCookie c : Request.getCookies(request)) {
            if (c.getName().equals(name)) {
                return c.getValue();
            }
        }
        return null;
    }

    /** A cookie to set on the response. */
    public void setCookie(HttpCookie cookie) {
        cookies.add(cookie);
    }

    List<HttpCookie> cookiesToSet() {
        return cookies;
    }

    /** The id of the resource acted on, for the audit log. */
    public void target(Object id) {
        this.target = id == null ? null : String.valueOf(id);
    }

    String target() {
        return target;
    }

    /** For anonymous calls (a login): the name the caller claimed, for the audit log. Never a secret. */
    public void actor(String name) {
        this.actor = name;
    }

    String actor() {
        return actor != null ? actor : principal.name();
    }

    /** The form fields of an {@code application/x-www-form-urlencoded} body (console forms). */
    public Map<String, List<String>> form() {
        if (!contentType().equals("application/x-www-form-urlencoded")) {
            throw new ApiException.UnsupportedMediaType(contentType(), "application/x-www-form-urlencoded");
        }
        return FormFields.parse(body());
    }

    /** The parts of a {@code multipart/form-data} body (console uploads), parsed once. */
    public MultipartForm multipart() {
        if (!contentType().equals("multipart/form-data")) {
            throw new ApiException.UnsupportedMediaType(contentType(), "multipart/form-data");
        }
        if (multipart == null) {
            multipart = MultipartForm.parse(request.getHeaders().get(HttpHeader.CONTENT_TYPE), body());
        }
        return multipart;
    }

    /** A form field of either form encoding ({@code urlencoded} or {@code multipart}), or null. */
    public String formField(String name) {
        if (contentType().equals("multipart/form-data")) {
            return multipart().field(name);
        }
        List<String> v = form().get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
