package io.phonectl.client.xapi;

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

/** The three certificate policies of {@link XapiClientConfig.Tls} as Jetty client TLS factories. */
final class TlsSupport {
    private TlsSupport() {}

    static SslContextFactory.Client factory(XapiClientConfig.Tls tls, String pinnedSha256) {
        SslContextFactory.Client f = new SslContextFactory.Client();
        switch (tls) {
            case VERIFY -> f.setEndpointIdentificationAlgorithm("HTTPS");
            case TRUST_ALL -> {
                f.setTrustAll(true);
                f.setEndpointIdentificationAlgorithm(null);
            }
            case PINNED -> {
                // the pin replaces both chain and host-name checks: devices mostly carry self-signed certificates
                f.setEndpointIdentificationAlgorithm(null);
                try {
                    SSLContext ctx = SSLContext.getInstance("TLS");
                    ctx.init(null, new TrustManager[] {new PinningTrustManager(pinnedSha256)}, null);
                    f.setSslContext(ctx);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("TLS is unavailable in this JVM", e);
                }
            }
        }
        return f;
    }

    /** SHA-256 of a certificate's DER encoding, lower-case hex. */
    static String sha256(X509Certificate cert) throws CertificateException {
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
