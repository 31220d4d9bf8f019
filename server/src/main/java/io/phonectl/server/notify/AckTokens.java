package io.phonectl.server.notify;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * One-time acknowledgement tokens, one per notification and device: {@code a<job>.<item>.<mac>}, the MAC an
 * HMAC-SHA256 (128 bits kept) of job and item with a key the service keeps sealed (every replica shares it). Nothing
 * is stored per token: the MAC proves the service made it, and the acknowledgement's row (one per item) makes it
 * one-time. Tokens are as secret as the phones' credentials: they appear in what is pushed and nowhere else.
 */
public final class AckTokens {

    /** What a valid token names. */
    public record Parsed(long jobId, long itemId) {
    }

    static final int MAX_CHARS = 80;
    private final SecretKeySpec key;

    public AckTokens(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String token(long jobId, long itemId) {
        return "a" + jobId + "." + itemId + "." + mac(jobId, itemId);
    }

    /** The job and item of a token this service made; empty for anything else (malformed, forged, too long). */
    public Optional<Parsed> parse(String token) {
        if (token == null || token.length() > MAX_CHARS || !token.matches("a\\d{1,18}\\.\\d{1,18}\\.[A-Za-z0-9_-]{22}")) {
            return Optional.empty();
        }
        String[] parts = token.substring(1).split("\\.");
        long job = Long.parseLong(parts[0]);
        long item = Long.parseLong(parts[1]);
        boolean ok = MessageDigest.isEqual(mac(job, item).getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII));
        return ok ? Optional.of(new Parsed(job, item)) : Optional.empty();
    }

    private String mac(long jobId, long itemId) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            byte[] full = m.doFinal(("ack:" + jobId + ":" + itemId).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(full).substring(0, 22);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
