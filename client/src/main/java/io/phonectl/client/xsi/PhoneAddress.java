package io.phonectl.client.xsi;

import java.net.URI;

/**
 * Where a phone listens: host (name, IPv4 or bracketless IPv6) and HTTP port. Phones serve XSI on plain
 * HTTP port 80 unless configured otherwise (the control spec leaves the port unstated).
 */
public record PhoneAddress(String host, int port) {

    public static final int DEFAULT_PORT = 80;

    public PhoneAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("phone host is empty: expected HOST[:PORT]");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("phone port " + port + " for " + host + ": must be 1..65535");
        }
    }

    /** Parses {@code HOST}, {@code HOST:PORT}, {@code [v6]} or {@code [v6]:PORT}. */
    public static PhoneAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("phone address is empty: expected HOST[:PORT]");
        }
        String s = text.trim();
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
            return new PhoneAddress(host, DEFAULT_PORT);
        }
        try {
            return new PhoneAddress(host, Integer.parseInt(port));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("phone address \"" + s + "\": port \"" + port + "\" is not a number");
        }
    }

    /** {@code http://host:port} + path (path starts with '/'). */
    public URI uri(String pathAndQuery) {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port + pathAndQuery);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
