package io.phonectl.sim.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP Digest as the phones whose catalog entry says {@code auth=digest} (older 79xx firmware, reference notes §2.3)
 * challenge with it: RFC 7616 (and RFC 2617) with MD5 and {@code qop="auth"}, an opaque value, and nonces that expire
 * after {@link #NONCE_LIFETIME} on the host's clock. A correct answer to an expired nonce earns a new challenge with
 * {@code stale=true} (RFC 7616 §3.3), so a client retries without asking for the password again; a wrong one a plain
 * new challenge. Nonces are stateless (expiry and realm signed with a per-host secret). Not modelled: the nonce count
 * is not checked for replays (RFC 7616 leaves it to the server), {@code qop="auth-int"}, SHA-256 and {@code -sess}.
 * Thread-safe; never logs or returns a password.
 */
public final class DigestAuth {

    /** How long a nonce is accepted; phones do not document theirs (docs/simulator.md, assumed). */
    public static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);

    /** What a Digest Authorization header earned. */
    public enum Outcome { OK, MISSING, REJECTED, STALE }

    private static final Pattern PARAM = Pattern.compile("([A-Za-z-]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]*))");
    private static final HexFormat HEX = HexFormat.of();

    private final Clock clock;
    private final byte[] secret = new byte[32];
    private final String opaque;

    public DigestAuth(Clock clock) {
        this.clock = clock;
        SecureRandom random = new SecureRandom();
        random.nextBytes(secret);
        byte[] o = new byte[8];
        random.nextBytes(o);
        this.opaque = HEX.formatHex(o);
    }

    /** The {@code WWW-Authenticate} value for {@code realm}; {@code stale} when the client's nonce had expired. */
    public String challenge(String realm, boolean stale) {
        return "Digest realm=\"" + realm + "\", qop=\"auth\", algorithm=MD5, nonce=\"" + nonce(realm) + "\", opaque=\""
                + opaque + "\"" + (stale ? ", stale=true" : "");
    }

    /**
     * Checks a Digest {@code Authorization} header for a request ({@code method} and request-target {@code uri}, path
     * and query as sent). {@code passwords} gives a user's password, null for an unknown user.
     */
    public Outcome check(String authorization, String method, String uri, String realm,
                         Function<String, String> passwords) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Digest ", 0, 7)) {
            return Outcome.MISSING;
        }
        Map<String, String> p = params(authorization.substring(7));
        String user = p.get("username");
        String nonce = p.get("nonce");
        String response = p.get("response");
        String qop = p.get("qop");
        String algorithm = p.getOrDefault("algorithm", "MD5");
        if (user == null || nonce == null || response == null || !realm.equals(p.get("realm")) || !uri.equals(p.get("uri"))
                || !algorithm.equalsIgnoreCase("MD5") || (qop != null && !qop.equals("auth"))
                || (qop != null && (p.get("nc") == null || p.get("cnonce") == null)) || !opaque.equals(p.get("opaque"))) {
            return Outcome.REJECTED;
        }
        Long expiry = expiry(nonce, realm);
        String password = passwords.apply(user);
        if (expiry == null || password == null) {
            return Outcome.REJECTED;
        }
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        String expected = qop == null ? md5(ha1 + ":" + nonce + ":" + ha2)
                : md5(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":" + qop + ":" + ha2);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                response.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return Outcome.REJECTED;
        }
        return clock.instant().getEpochSecond() > expiry ? Outcome.STALE : Outcome.OK;
    }

    /** "expiry.signature": when it stops being accepted and proof that this host made it for this realm. */
    private String nonce(String realm) {
        long expiry = clock.instant().plus(NONCE_LIFETIME).getEpochSecond();
        return expiry + "." + sign(expiry, realm);
    }

    /** The nonce's expiry, or null when this host did not make it for this realm. */
    private Long expiry(String nonce, String realm) {
        int dot = nonce.indexOf('.');
        if (dot <= 0 || dot > 19) {
            return null;
        }
        long expiry;
        try {
            expiry = Long.parseLong(nonce.substring(0, dot));
        } catch (NumberFormatException e) {
            return null;
        }
        return MessageDigest.isEqual(sign(expiry, realm).getBytes(StandardCharsets.US_ASCII),
                nonce.substring(dot + 1).getBytes(StandardCharsets.US_ASCII)) ? expiry : null;
    }

    private String sign(long expiry, String realm) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HEX.formatHex(mac.doFinal((expiry + ":" + realm).getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> params(String text) {
        Map<String, String> out = new HashMap<>();
        Matcher m = PARAM.matcher(text);
        while (m.find() && out.size() < 32) {
            String value = m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3);
            out.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), value);
        }
        return out;
    }

    private static String md5(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
