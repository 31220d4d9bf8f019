package io.phonectl.server.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer secrets (API tokens, session and CSRF tokens): made from {@value #TOKEN_BYTES} random bytes and stored
 * only as their SHA-256. A fast hash is right here, unlike for passwords: the secrets are random and long, so
 * there is nothing to guess.
 */
public final class Hashing {

    public static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Hashing() {
    }

    /** SHA-256 of the UTF-8 text, lower-case hex (64 characters). */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** A new random secret: {@code prefix} + base64url of {@value #TOKEN_BYTES} random bytes. */
    public static String newToken(String prefix) {
        byte[] b = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(b);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
