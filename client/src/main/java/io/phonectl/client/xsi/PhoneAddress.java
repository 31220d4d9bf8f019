package io.phonectl.client.xsi;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a phone listens: host (name, IPv4 or bracketless IPv6), port and whether it speaks HTTPS. Phones serve XSI on
 * plain HTTP port 80 unless configured otherwise (the control spec leaves the port unstated); 98xx phones and hardened
 * 88xx serve HTTPS only (port 443 by default). The host is checked for syntax before anything resolves it, so a
 * header word or a stray value of a file is refused here, never looked up in DNS.
 */
public record PhoneAddress(String host, int port, boolean https) {

    public static final int DEFAULT_PORT = 80;
    public static final int DEFAULT_HTTPS_PORT = 443;

    /** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens, 253 characters at most. */
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}\\.?$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");
    private static final Pattern DOTTED_NUMBERS = Pattern.compile("[0-9.]+");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}(%[A-Za-z0-9_.-]{1,32})?");

    public PhoneAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("phone host is empty: expected [https://]HOST[:PORT]");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("phone port " + port + " for " + host + ": must be 1..65535");
        }
        String why = hostProblem(host);
        if (why != null) {
            throw new IllegalArgumentException("phone host \"" + host + "\": " + why);
        }
    }

    /** A plain-HTTP phone. */
    public PhoneAddress(String host, int port) {
        this(host, port, false);
    }

    /**
     * Parses {@code HOST}, {@code HOST:PORT}, {@code [v6]} or {@code [v6]:PORT}, each optionally after {@code http://}
     * or {@code https://} (and with a trailing '/'); without a port, 80 or 443.
     */
    public static PhoneAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("phone address is empty: expected [https://]HOST[:PORT]");
        }
        String s = text.strip();
        boolean https = false;
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            String name = s.substring(0, scheme).toLowerCase(Locale.ROOT);
            if (!name.equals("http") && !name.equals("https")) {
                throw new IllegalArgumentException("phone address \"" + s + "\": scheme must be http or https");
            }
            https = name.equals("https");
            s = s.substring(scheme + 3);
            if (s.endsWith("/")) {
                s = s.substring(0, s.length() - 1);
            }
            if (s.indexOf('/') >= 0 || s.indexOf('?') >= 0 || s.indexOf('@') >= 0) {
                throw new IllegalArgumentException("phone address \"" + text.strip()
                        + "\": give the scheme, host and port only (no path, query or user)");
            }
        }
        String host;
        String port = null;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("phone address \"" + s + "\": unclosed '[' in IPv6 host");
            }
            host = s.substring(1, close);
            if (close + 1 < s.length()) {
                if (s.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException("phone address \"" + s + "\": expected ':' after ']'");
                }
                port = s.substring(close + 2);
            }
        } else {
            int colon = s.indexOf(':');
            if (colon >= 0 && s.indexOf(':', colon + 1) >= 0) {
                throw new IllegalArgumentException("phone address \"" + s + "\": write IPv6 hosts as [addr]:port");
            }
            host = colon >= 0 ? s.substring(0, colon) : s;
            port = colon >= 0 ? s.substring(colon + 1) : null;
        }
        if (port == null) {
            return new PhoneAddress(host, https ? DEFAULT_HTTPS_PORT : DEFAULT_PORT, https);
        }
        try {
            return new PhoneAddress(host, Integer.parseInt(port), https);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("phone address \"" + s + "\": port \"" + port + "\" is not a number");
        }
    }

    /** Why a host cannot be a phone's (null when it can): the syntax of an IPv4, IPv6 or RFC 1123 name. */
    static String hostProblem(String host) {
        if (host.indexOf(':') >= 0) {
            return IPV6.matcher(host).matches() && host.chars().filter(c -> c == ':').count() >= 2
                    ? null : "not an IPv6 address";
        }
        if (DOTTED_NUMBERS.matcher(host).matches()) {
            return IPV4.matcher(host).matches() ? null : "not an IPv4 address (four numbers 0-255)";
        }
        return HOST_NAME.matcher(host).matches() ? null
                : "not a host name (letters, digits, '-' and '.' only, RFC 1123) nor an IP address";
    }

    /** The same phone with the other scheme (a 98xx answers the screenshot over HTTPS only). */
    public PhoneAddress withHttps(boolean secure) {
        return new PhoneAddress(host, port, secure);
    }

    /** {@code http[s]://host:port} + path (path starts with '/'). */
    public URI uri(String pathAndQuery) {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return URI.create((https ? "https" : "http") + "://" + h + ":" + port + pathAndQuery);
    }

    /** {@code host:port} for plain HTTP (as it always was), {@code https://host:port} for HTTPS. */
    @Override
    public String toString() {
        return (https ? "https://" : "") + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
