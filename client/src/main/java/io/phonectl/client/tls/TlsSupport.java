package io.phonectl.client.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** The certificate policies of {@link TlsPolicy} as Jetty client TLS factories; one place for every client. */
public final class TlsSupport {
    private TlsSupport() {}

    public static SslContextFactory.Client factory(TlsPolicy policy) {
        SslContextFactory.Client f = new SslContextFactory.Client();
        switch (policy.mode()) {
            case VERIFY -> {
                f.setEndpointIdentificationAlgorithm("HTTPS");
                if (policy.trustFile() != null) {
                    f.setTrustStore(TrustFiles.load(policy.trustFile(), policy.trustPassword()));
                }
            }
            case TRUST_ALL -> {
                f.setTrustAll(true);
                f.setEndpointIdentificationAlgorithm(null);
            }
            case PINNED -> {
                // the pin replaces both chain and host-name checks: devices mostly carry self-signed certificates
                f.setEndpointIdentificationAlgorithm(null);
                try {
                    SSLContext ctx = SSLContext.getInstance("TLS");
                    ctx.init(null, new TrustManager[] {new PinningTrustManager(policy.pinnedSha256())}, null);
                    f.setSslContext(ctx);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("TLS is unavailable in this JVM", e);
                }
            }
        }
        return f;
    }

    /** SHA-256 of a certificate's DER encoding, lower-case hex. */
    public static String sha256(X509Certificate cert) throws CertificateException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new CertificateException(e);
        }
    }

    private static final class PinningTrustManager extends X509ExtendedTrustManager {
        private final String pin;

        PinningTrustManager(String pin) { this.pin = pin; }

        private void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) throw new CertificateException("no server certificate");
            String got = sha256(chain[0]);
            if (!got.equals(pin)) {
                throw new CertificateException("server certificate SHA-256 " + got + " does not match the pinned "
                        + pin);
            }
        }

        @Override public void checkServerTrusted(X509Certificate[] c, String a) throws CertificateException { check(c); }

        @Override public void checkServerTrusted(X509Certificate[] c, String a, Socket s) throws CertificateException {
            check(c);
        }

        @Override public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e)
                throws CertificateException {
            check(c);
        }

        @Override public void checkClientTrusted(X509Certificate[] c, String a) throws CertificateException {
            throw new CertificateException("client role not supported");
        }

        @Override public void checkClientTrusted(X509Certificate[] c, String a, Socket s) throws CertificateException {
            throw new CertificateException("client role not supported");
        }

        @Override public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e)
                throws CertificateException {
            throw new CertificateException("client role not supported");
        }

        @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }
}
