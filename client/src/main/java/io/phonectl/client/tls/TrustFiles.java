package io.phonectl.client.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/**
 * Reads a trust file: certificates in PEM or DER (what CUCM's "Certificate Management" page downloads as tomcat.pem)
 * or a PKCS12/JKS store. A file that is neither fails with a message naming it and both attempts.
 */
final class TrustFiles {

    private TrustFiles() {
    }

    static KeyStore load(Path file, String password) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("trust file " + file + ": cannot read it (" + e.getClass().getSimpleName()
                    + ")", e);
        }
        String asText = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
        if (asText.contains("-----BEGIN CERTIFICATE-----") || (bytes.length > 0 && bytes[0] == 0x30)) {
            try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
                Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
                if (certs.isEmpty()) {
                    throw new IllegalArgumentException("trust file " + file + ": no certificate in it");
                }
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                int i = 0;
                for (Certificate c : certs) {
                    ks.setCertificateEntry("trusted-" + i++, c);
                }
                return ks;
            } catch (GeneralSecurityException | IOException e) {
                if (!asText.contains("-----BEGIN CERTIFICATE-----")) {
                    return store(file, password);
                }
                throw new IllegalArgumentException("trust file " + file + ": not a readable PEM certificate ("
                        + e.getMessage() + ")", e);
            }
        }
        return store(file, password);
    }

    private static KeyStore store(Path file, String password) {
        try {
            return KeyStore.getInstance(file.toFile(), password == null ? null : password.toCharArray());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("trust file " + file + ": neither PEM/DER certificates nor a PKCS12/JKS "
                    + "store that opens with the given password (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
