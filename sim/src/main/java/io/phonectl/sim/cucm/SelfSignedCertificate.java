package io.phonectl.sim.cucm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A self-signed X.509 v3 certificate made at start, as a CUCM's Tomcat has one: EC P-256, SHA256withECDSA,
 * subject CN and SubjectAltName entries for the names and addresses the simulator answers on. The JDK signs but has
 * no public certificate builder, so the TBSCertificate is written here in DER (RFC 5280 §4.1) and then read back by
 * the JDK's CertificateFactory, which checks the encoding.
 */
public final class SelfSignedCertificate {

    private static final byte[] OID_EC_PUBLIC_KEY_WITH_SHA256 = {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 4, 3, 2};
    private static final byte[] OID_CN = {0x55, 4, 3};
    private static final byte[] OID_SAN = {0x55, 0x1d, 0x11};
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final KeyPair keys;
    private final X509Certificate certificate;

    private SelfSignedCertificate(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    /** A certificate valid from a day before {@code now} for two years. */
    public static SelfSignedCertificate create(String commonName, List<String> dnsNames, List<InetAddress> addresses,
                                               Instant now) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair kp = g.generateKeyPair();
            byte[] algorithm = seq(oid(OID_EC_PUBLIC_KEY_WITH_SHA256));
            byte[] name = seq(set(seq(oid(OID_CN), tlv(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
            ByteArrayOutputStream alt = new ByteArrayOutputStream();
            for (String d : dnsNames) {
                alt.writeBytes(tlv(0x82, d.getBytes(StandardCharsets.US_ASCII)));
            }
            for (InetAddress a : addresses) {
                alt.writeBytes(tlv(0x87, a.getAddress()));
            }
            byte[] extensions = tlv(0xa3, seq(seq(oid(OID_SAN), tlv(0x04, seq(alt.toByteArray())))));
            byte[] serial = new BigInteger(64, new SecureRandom()).setBit(63).toByteArray();
            byte[] tbs = seq(tlv(0xa0, tlv(0x02, new byte[] {2})), tlv(0x02, serial), algorithm, name,
                    seq(time(now.minusSeconds(86_400)), time(now.plusSeconds(2L * 365 * 86_400))), name,
                    kp.getPublic().getEncoded(), extensions);
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(kp.getPrivate());
            s.update(tbs);
            byte[] signature = s.sign();
            byte[] bitString = new byte[signature.length + 1];
            System.arraycopy(signature, 0, bitString, 1, signature.length);
            byte[] der = seq(tbs, algorithm, tlv(0x03, bitString));
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            cert.verify(kp.getPublic());
            return new SelfSignedCertificate(kp, cert);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a self-signed certificate: " + e.getMessage(), e);
        }
    }

    /** An in-memory PKCS12 store with the key under alias {@code tomcat}, for Jetty's SslContextFactory. */
    public KeyStore keyStore(char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("tomcat", keys.getPrivate(), password, new X509Certificate[] {certificate});
            return ks;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot hold the certificate in a key store: " + e.getMessage(), e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** SHA-256 of the DER encoding, lower-case hex: what a client pins. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate in PEM, as CUCM's OS Administration page offers tomcat.pem for download. */
    public String pem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- DER ----

    private static byte[] time(Instant t) {
        return tlv(0x17, UTC_TIME.format(t).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] oid(byte[] encoded) {
        return tlv(0x06, encoded);
    }

    private static byte[] seq(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return tlv(0x31, concat(parts));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        out.write(tag);
        int n = value.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
