package io.phonectl.client.http;

import io.phonectl.client.credentials.Credentials;
import org.eclipse.jetty.client.Authentication;
import org.eclipse.jetty.client.DigestAuthentication;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.Attributes;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers the {@code WWW-Authenticate} challenges of a 401 for a client that sends no credentials until it is asked
 * (so that a phone that wants Digest never sees the password): Digest (RFC 7616, and RFC 2617's form without qop;
 * MD5 or SHA-256, qop {@code auth}), computed by Jetty's {@link DigestAuthentication}; Basic only when the server
 * offers nothing else. Jetty parses the challenges; this class picks one and makes the retried request's
 * {@code Authorization} value. It works from the header values as read, so any transport can use it.
 */
public final class Challenges {

    private Challenges() {
    }

    /** One challenge the client can answer. */
    public sealed interface Answer {
        /** The scheme as the server named it ("Digest", "Basic"), for messages. */
        String scheme();

        /** The {@code Authorization} value for the retry of the refused request ({@code method} on {@code uri}). */
        String authorization(String method, URI uri);
    }

    record Digest(Authentication.Result result, String algorithm) implements Answer {
        @Override
        public String scheme() {
            return "Digest";
        }

        @Override
        public String authorization(String method, URI uri) {
            // Jetty computes the answer onto a request (method, path and query): one made for it, never sent
            Request carrier = Carrier.HTTP.newRequest(uri).method(method);
            result.apply(carrier);
            return carrier.getHeaders().get(HttpHeader.AUTHORIZATION);
        }
    }

    record Basic(Credentials credentials) implements Answer {
        @Override
        public String scheme() {
            return "Basic";
        }

        @Override
        public String authorization(String method, URI uri) {
            return credentials.basicHeader();
        }
    }

    /** The schemes a 401's {@code WWW-Authenticate} values offer, e.g. [Digest, Basic]; empty when none. */
    public static List<String> schemes(List<String> wwwAuthenticate) {
        return infos(wwwAuthenticate).stream().map(Authentication.HeaderInfo::getType).distinct().toList();
    }

    /**
     * The best answer to a 401's {@code WWW-Authenticate} values for these credentials: a Digest challenge with an
     * algorithm Jetty computes (SHA-256 preferred to MD5), else Basic when offered; empty when the server offers
     * neither (or nothing readable).
     *
     * @param uri the URI the request went to (Digest binds the answer to it)
     */
    public static Optional<Answer> answer(List<String> wwwAuthenticate, URI uri, Credentials credentials) {
        List<Authentication.HeaderInfo> infos = infos(wwwAuthenticate);
        List<Authentication.HeaderInfo> digests = new ArrayList<>(infos.stream()
                .filter(i -> i.getType().equalsIgnoreCase("Digest")).toList());
        digests.sort(Comparator.comparingInt(Challenges::preference));
        for (Authentication.HeaderInfo info : digests) {
            DigestAuthentication digest = new DigestAuthentication(uri, Authentication.ANY_REALM, credentials.user(),
                    credentials.password());
            Authentication.Result result;
            try {
                // Jetty's Digest reads the challenge only; the refused request and answer are not consulted
                result = digest.authenticate(null, null, info, new Attributes.Mapped());
            } catch (RuntimeException e) {
                continue; // a challenge Jetty cannot answer (an unknown algorithm, a broken parameter): try the next
            }
            if (result != null) {
                return Optional.of(new Digest(result, algorithm(info)));
            }
        }
        return infos.stream().anyMatch(i -> i.getType().equalsIgnoreCase("Basic"))
                ? Optional.of(new Basic(credentials)) : Optional.empty();
    }

    private static int preference(Authentication.HeaderInfo info) {
        return switch (algorithm(info)) {
            case "SHA-256" -> 0;
            case "MD5" -> 1;
            default -> 2;
        };
    }

    private static String algorithm(Authentication.HeaderInfo info) {
        String a = info.getParameter("algorithm");
        return a == null ? "MD5" : a.strip().toUpperCase(Locale.ROOT);
    }

    private static List<Authentication.HeaderInfo> infos(List<String> wwwAuthenticate) {
        List<Authentication.HeaderInfo> out = new ArrayList<>();
        for (String value : wwwAuthenticate) {
            try {
                out.addAll(Carrier.PARSER.parse(value));
            } catch (RuntimeException e) {
                // an unreadable challenge is one the client cannot answer; the others may still be
            }
        }
        return out;
    }

    /**
     * Jetty's challenge parser and a never-started client to make the requests Digest is computed onto: made on the
     * first challenge of the process, never for a phone that does not challenge.
     */
    private static final class Carrier {
        static final HttpClient HTTP = new HttpClient();
        static final Parser PARSER = new Parser(HTTP);
    }

    /** Jetty's challenge parser, reached through the handler that owns it (the handler itself is never installed). */
    private static final class Parser extends WWWAuthenticationProtocolHandler {
        Parser(HttpClient http) {
            super(http);
        }

        List<Authentication.HeaderInfo> parse(String header) {
            return getHeaderInfo(header);
        }
    }
}
