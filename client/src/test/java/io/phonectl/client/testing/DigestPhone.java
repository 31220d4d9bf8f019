package io.phonectl.client.testing;

import io.phonectl.client.xsi.PhoneAddress;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A phone whose web server challenges with Digest (RFC 7616: MD5 or SHA-256, qop=auth), as older 79xx firmware does,
 * or with Basic only. It checks an answer by computing it itself from the RFC (independently of the client, which uses
 * Jetty's implementation) and records every Authorization header it sees. Loopback, ephemeral port. Test code only.
 */
public final class DigestPhone implements AutoCloseable {

    public enum Scheme { DIGEST_MD5, DIGEST_SHA256, DIGEST_AND_BASIC, BASIC_ONLY }

    public static final String REALM = "Cisco IP Phone";
    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");
    private static final String OK = "<CiscoIPPhoneResponse><ResponseItem URL=\"Key:Services\" Data=\"Success\" "
            + "Status=\"0\"/></CiscoIPPhoneResponse>";

    private final Server server;
    private final ServerConnector connector;
    private final Scheme scheme;
    private final String user;
    private final String password;
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private final SecureRandom random = new SecureRandom();

    private DigestPhone(Scheme scheme, String user, String password) throws Exception {
        this.scheme = scheme;
        this.user = user;
        this.password = password;
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Content.Source.consumeAll(request);
                String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
                authorizations.add(String.valueOf(auth));
                if (accepted(request.getMethod(), request.getHttpURI().getPathQuery(), auth)) {
                    reply(response, callback, 200, OK);
                } else {
                    challenge(response);
                    reply(response, callback, 401, "<html><head><title>401 Unauthorized</title></head></html>");
                }
                return true;
            }
        });
        server.start();
    }

    public static DigestPhone start(Scheme scheme, String user, String password) throws Exception {
        return new DigestPhone(scheme, user, password);
    }

    public PhoneAddress address() {
        return new PhoneAddress("127.0.0.1", connector.getLocalPort());
    }

    /** Every Authorization header received, in order ("null" for none). */
    public List<String> authorizations() {
        synchronized (authorizations) {
            return List.copyOf(authorizations);
        }
    }

    private void challenge(Response response) {
        String nonce = HexFormat.of().formatHex(random.generateSeed(16));
        nonces.add(nonce);
        String digest = "Digest realm=\"" + REALM + "\", qop=\"auth\", nonce=\"" + nonce + "\", opaque=\"0a1b\"";
        switch (scheme) {
            case DIGEST_MD5 -> response.getHeaders().add(HttpHeader.WWW_AUTHENTICATE, digest + ", algorithm=MD5");
            case DIGEST_SHA256 -> response.getHeaders().add(HttpHeader.WWW_AUTHENTICATE, digest + ", algorithm=SHA-256");
            case DIGEST_AND_BASIC -> {
                response.getHeaders().add(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
                response.getHeaders().add(HttpHeader.WWW_AUTHENTICATE, digest + ", algorithm=MD5");
            }
            case BASIC_ONLY -> response.getHeaders().add(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
        }
    }

    private boolean accepted(String method, String uri, String auth) {
        if (auth == null) {
            return false;
        }
        if (auth.startsWith("Basic ")) {
            return (scheme == Scheme.BASIC_ONLY || scheme == Scheme.DIGEST_AND_BASIC)
                    && auth.equals("Basic " + java.util.Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (!auth.startsWith("Digest ") || scheme == Scheme.BASIC_ONLY) {
            return false;
        }
        Map<String, String> p = new HashMap<>();
        Matcher m = PARAM.matcher(auth.substring(7));
        while (m.find()) {
            p.put(m.group(1).toLowerCase(), m.group(2) != null ? m.group(2) : m.group(3));
        }
        String algorithm = p.getOrDefault("algorithm", "MD5");
        boolean wantSha = scheme == Scheme.DIGEST_SHA256;
        if (!nonces.contains(p.get("nonce")) || !user.equals(p.get("username")) || !REALM.equals(p.get("realm"))
                || !uri.equals(p.get("uri")) || !"auth".equals(p.get("qop")) || !"0a1b".equals(p.get("opaque"))
                || !algorithm.equalsIgnoreCase(wantSha ? "SHA-256" : "MD5")) {
            return false;
        }
        String h = wantSha ? "SHA-256" : "MD5";
        String ha1 = hash(h, user + ":" + REALM + ":" + password);
        String ha2 = hash(h, method + ":" + uri);
        String expected = hash(h, ha1 + ":" + p.get("nonce") + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:"
                + ha2);
        return expected.equals(p.get("response"));
    }

    private static String hash(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reply(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, status == 200 ? "text/xml" : "text/html");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
