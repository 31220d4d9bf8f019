package io.phonectl.server.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The URI devices reach the service at when it is not the listening address (a NAT, a load balancer, a reverse
 * proxy, or a service bound to 0.0.0.0): every URL the service hands to devices (Acknowledge softkeys, RoomOS
 * HttpFeedback registrations) starts with it. Checked once, here: absolute {@code http} or {@code https} with a host,
 * no user information (a password in a URL pushed to thousands of phones would be everywhere), no query and no
 * fragment (paths are appended to it). A path is kept as a prefix, without its trailing slashes.
 */
public final class PublicUri {

    static final int MAX_CHARS = 200;
    private static final String SOURCE = "phonectl serve --public-url";

    private PublicUri() {
    }

    /** The checked URI, normalised (scheme and host lower case, no trailing slash); null for null. */
    public static URI parse(String text) {
        if (text == null) {
            return null;
        }
        URI u;
        try {
            u = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw invalid(text, "a URI (" + e.getReason() + ")");
        }
        return check(u);
    }

    /** The same checks on a URI already parsed. */
    public static URI check(URI u) {
        if (u == null) {
            return null;
        }
        String text = u.toString();
        if (text.length() > MAX_CHARS) {
            throw invalid(text.substring(0, 40) + "…", "at most " + MAX_CHARS + " characters");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!u.isAbsolute() || u.isOpaque() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw invalid(text, "an absolute http:// or https:// URI");
        }
        if (u.getRawUserInfo() != null) {
            // the value is not echoed: it holds a credential
            throw invalid(scheme + "://…@" + u.getHost(), "no user information (user:password@)");
        }
        if (u.getHost() == null) {
            throw invalid(text, "a host name or address (and optionally :port)");
        }
        if (u.getRawQuery() != null || u.getRawFragment() != null) {
            throw invalid(text, "no query (?…) and no fragment (#…): paths are appended to it");
        }
        if (u.getPort() == 0) {
            throw invalid(text, "port 1..65535 (or none for the scheme's default)");
        }
        String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/+$", "");
        return URI.create(scheme + "://" + u.getRawAuthority().toLowerCase(Locale.ROOT) + path);
    }

    private static IllegalArgumentException invalid(String value, String rule) {
        return new IllegalArgumentException("publicUri = " + value + ": must be " + rule + " (" + SOURCE + ")");
    }
}
