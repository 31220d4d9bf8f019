package io.phonectl.sim;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Digest answer written here from RFC 7616 §3.4 (MD5, qop=auth), independent of the simulator's code and of
 * phonectl's client: what a third-party tool computes from a phone's challenge.
 */
final class Digest {

    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");

    private Digest() {
    }

    /** The parameters of a {@code WWW-Authenticate: Digest …} challenge. */
    static Map<String, String> challenge(String header) {
        if (header == null || !header.startsWith("Digest ")) {
            throw new AssertionError("not a Digest challenge: " + header);
        }
        Map<String, String> p = new HashMap<>();
        Matcher m = PARAM.matcher(header.substring(7));
        while (m.find()) {
            p.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return p;
    }

    /** The challenge a phone answers a request without credentials with. */
    static Map<String, String> challengeOf(URI phone) {
        HttpResponse<byte[]> r = Http.get(phone.resolve("/CGI/Screenshot"), null);
        return challenge(r.headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    /** {@code Authorization: Digest …} for one request. */
    static String authorization(Map<String, String> challenge, String user, String password, String method, String uri,
                                int nc) {
        String realm = challenge.get("realm");
        String nonce = challenge.get("nonce");
        String cnonce = "0a4f113b" + nc;
        String ncHex = String.format("%08x", nc);
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        String response = md5(ha1 + ":" + nonce + ":" + ncHex + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", algorithm=MD5, qop=auth, nc=" + ncHex + ", cnonce=\"" + cnonce + "\", response=\"" + response
                + "\", opaque=\"" + challenge.get("opaque") + "\"";
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
