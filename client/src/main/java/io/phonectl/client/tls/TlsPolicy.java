package io.phonectl.client.tls;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * How a client checks a server certificate; shared by the xAPI and CUCM clients.
 * <ul>
 *   <li>{@link Mode#VERIFY} (the default): the chain against the JVM's CAs, or against {@code trustFile} when given (a
 *   PEM file of certificates, e.g. CUCM's tomcat.pem, or a PKCS12/JKS store), and the host name;</li>
 *   <li>{@link Mode#PINNED}: exactly the certificate with this SHA-256, nothing else checked (self-signed devices);</li>
 *   <li>{@link Mode#TRUST_ALL}: nothing checked, for a lab; callers warn when they use it.</li>
 * </ul>
 *
 * @param trustPassword password of a PKCS12/JKS {@code trustFile}; null for PEM or an unprotected store. Never printed.
 */
public record TlsPolicy(Mode mode, String pinnedSha256, Path trustFile, String trustPassword) {

    public enum Mode { VERIFY, TRUST_ALL, PINNED }

    public TlsPolicy {
        Objects.requireNonNull(mode, "mode");
        if (mode == Mode.PINNED) {
            String hex = pinnedSha256 == null ? "" : pinnedSha256.replace(":", "").strip();
            if (!hex.matches("(?i)[0-9a-f]{64}")) {
                throw new IllegalArgumentException("pinned certificate = " + pinnedSha256
                        + ": must be the SHA-256 of the certificate, 64 hex digits (colons allowed)");
            }
            pinnedSha256 = hex.toLowerCase(Locale.ROOT);
        }
        if (trustFile != null && mode != Mode.VERIFY) {
            throw new IllegalArgumentException("trust file " + trustFile + ": only for verified TLS, not " + mode);
        }
    }

    public static TlsPolicy verify() {
        return new TlsPolicy(Mode.VERIFY, null, null, null);
    }

    /** Verify against these certificates instead of the JVM's CAs. */
    public static TlsPolicy verify(Path trustFile, String password) {
        return new TlsPolicy(Mode.VERIFY, null, Objects.requireNonNull(trustFile, "trustFile"), password);
    }

    public static TlsPolicy trustAll() {
        return new TlsPolicy(Mode.TRUST_ALL, null, null, null);
    }

    public static TlsPolicy pinned(String sha256Hex) {
        return new TlsPolicy(Mode.PINNED, sha256Hex, null, null);
    }

    public static TlsPolicy pinned(byte[] sha256) {
        return pinned(HexFormat.of().formatHex(sha256));
    }

    @Override
    public String toString() {
        return "TlsPolicy[" + mode + (pinnedSha256 != null ? " " + pinnedSha256 : "")
                + (trustFile != null ? " trust=" + trustFile : "") + "]";
    }
}
