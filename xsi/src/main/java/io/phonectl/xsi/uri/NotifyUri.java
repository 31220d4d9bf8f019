package io.phonectl.xsi.uri;

import io.phonectl.xsi.Sources;

/**
 * {@code Notify:http:<host>:<port>:<path>[:<credentials>[:<data>]]}: the phone POSTs {@code DATA=…} to the
 * server. http only; port 1-65535; path without ':' or ';'; credentials are base64 {@code userid:password};
 * data without ';'. {@link #toString()} hides the credentials.
 */
public record NotifyUri(String host, int port, String path, String credentials, String data) implements InternalUri {

    public static final String PROTOCOL = "http";

    public NotifyUri {
        UriRules.host("Notify host", host, Sources.NOTES_NOTIFY);
        UriRules.range("Notify port", port, 1, 65535, Sources.CONTROL_SPEC);
        UriRules.text("Notify path", path, ":;", Sources.CONTROL_SPEC);
        UriRules.basicCredentials("Notify credentials", credentials);
        if (data != null) {
            UriRules.forbid("Notify data", data, ";", Sources.CONTROL_SPEC);
            data = data.isEmpty() ? null : data;
        }
    }

    public static NotifyUri of(String host, int port, String path) {
        return new NotifyUri(host, port, path, null, null);
    }

    @Override
    public String family() {
        return "Notify";
    }

    @Override
    public String format() {
        StringBuilder b = new StringBuilder("Notify:http:").append(host).append(':').append(port).append(':').append(path);
        if (credentials != null || data != null) {
            b.append(':').append(credentials == null ? "" : credentials);
        }
        if (data != null) {
            b.append(':').append(data);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "NotifyUri[host=" + host + ", port=" + port + ", path=" + path
                + ", credentials=" + (credentials == null ? "none" : "(hidden)") + ", data=" + data + "]";
    }

    static NotifyUri parse(String text) {
        String[] p = text.split(":", 7);
        if (p.length < 5) {
            throw UriRules.fail("Notify", text, "syntax is Notify:http:host:port:path[:credentials[:data]]",
                    Sources.CONTROL_SPEC);
        }
        if (!PROTOCOL.equals(p[1])) {
            throw UriRules.fail("Notify protocol", p[1], "only http is supported", Sources.CONTROL_SPEC);
        }
        int port = UriRules.integer("Notify port", p[3], 1, 65535, Sources.CONTROL_SPEC);
        return new NotifyUri(p[2], port, p[4], p.length > 5 && !p[5].isEmpty() ? p[5] : null,
                p.length > 6 ? p[6] : null);
    }
}
