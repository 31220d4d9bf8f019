package io.phonectl.cli.options;

import io.phonectl.client.tls.TlsPolicy;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * How a command checks the certificate of an {@code https://} peer, the same for phones, xAPI devices and CUCM
 * ({@link TlsPolicy}): verified against the JVM's CAs by default, or against a trust file, or exactly one pinned
 * certificate, or (lab only, with a warning) not at all. At most one of them.
 */
public final class TlsOptions {

    @Option(names = "--trust", paramLabel = "FILE",
            description = "Verify certificates against this file (PEM/DER certificates, or a PKCS12/JKS store) "
                    + "instead of the JVM's CAs.")
    Path trust;

    @Option(names = "--trust-password-env", paramLabel = "VAR",
            description = "Environment variable holding the password of a PKCS12/JKS --trust store.")
    String trustPasswordEnv;

    @Option(names = "--pin", paramLabel = "SHA256",
            description = "Accept exactly the certificate with this SHA-256 (hex, colons allowed): phones and devices "
                    + "carry self-signed certificates.")
    String pin;

    @Option(names = "--insecure", description = "Do not check certificates at all (lab only; a warning is printed).")
    boolean insecure;

    /**
     * The policy the options ask for; with {@code --insecure} a warning on {@code err} names {@code peer} and what an
     * eavesdropper could read ({@code secret}).
     */
    public TlsPolicy policy(PrintWriter err, String peer, String secret) {
        if (Stream.of(trust != null, pin != null, insecure).filter(x -> x).count() > 1) {
            throw new IllegalArgumentException("--trust, --pin and --insecure exclude each other: give one");
        }
        if (trustPasswordEnv != null && trust == null) {
            throw new IllegalArgumentException("--trust-password-env " + trustPasswordEnv + " needs --trust FILE");
        }
        if (insecure) {
            err.println("phonectl: warning: --insecure: " + peer + " certificate is not checked; whoever sits between "
                    + "here and " + peer.replaceFirst("'s?$", "") + " can read " + secret
                    + ". Use --trust FILE or --pin SHA256 instead.");
            err.flush();
            return TlsPolicy.trustAll();
        }
        if (pin != null) {
            return TlsPolicy.pinned(pin);
        }
        if (trust != null) {
            String password = trustPasswordEnv == null ? null : System.getenv(trustPasswordEnv);
            if (trustPasswordEnv != null && password == null) {
                throw new IllegalArgumentException("--trust-password-env " + trustPasswordEnv + ": the variable is not set");
            }
            return TlsPolicy.verify(trust, password);
        }
        return TlsPolicy.verify();
    }

    /** Whether any certificate option was given. */
    public boolean given() {
        return trust != null || pin != null || insecure;
    }
}
