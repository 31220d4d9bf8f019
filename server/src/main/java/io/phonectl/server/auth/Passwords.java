package io.phonectl.server.auth;

import io.phonectl.server.http.ApiException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Password hashing with BCrypt (spring-security-crypto). BCrypt rather than Argon2: spring-security-crypto's
 * Argon2 needs BouncyCastle, a large extra dependency, while BCrypt is self-contained and still the common choice.
 * Its one limit is the input: at most {@value #MAX_BYTES} bytes, enforced here instead of silently truncated.
 */
final class Passwords {

    static final int MIN_CHARS = 12;
    static final int MAX_BYTES = 72;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BCryptPasswordEncoder encoder;
    /** Compared against when a user does not exist, so an unknown name costs as long as a wrong password. */
    private final String decoy;

    Passwords(int cost) {
        this.encoder = new BCryptPasswordEncoder(cost);
        this.decoy = encoder.encode(generate());
    }

    /** Checks the policy (the value itself never appears in the problem) and hashes. */
    String hash(String field, String password) {
        check(field, password);
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        return encoder.matches(password, hash == null ? decoy : hash);
    }

    static void check(String field, String password) {
        if (password == null) {
            throw new ApiException.Invalid(field, null, "a password is required");
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (password.codePointCount(0, password.length()) < MIN_CHARS) {
            throw new ApiException.Invalid(field, "(" + password.length() + " characters)",
                    "at least " + MIN_CHARS + " characters (service policy)");
        }
        if (bytes > MAX_BYTES) {
            throw new ApiException.Invalid(field, "(" + bytes + " bytes)",
                    "at most " + MAX_BYTES + " bytes in UTF-8 (BCrypt's input limit)");
        }
    }

    /** A one-time password: 20 characters of base64url (120 random bits). */
    static String generate() {
        byte[] b = new byte[15];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
