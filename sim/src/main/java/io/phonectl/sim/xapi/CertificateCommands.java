package io.phonectl.sim.xapi;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Security Certificates CA Add (PEM in the multi-line body) / Delete (by Fingerprint) / Show. Certificates are
 * parsed for real, so a malformed PEM is refused as the device refuses it.
 */
final class CertificateCommands {
    static final int MAX_CERTIFICATES = 50;

    private CertificateCommands() {}

    static JsonNode add(XapiCommands.Call c) {
        String pem = c.params().body();
        if (pem == null) throw Params.illegal("body", null, "is required (PEM certificate)");
        if (pem.length() > DeviceCommands.MAX_BODY) {
            throw Params.illegal("body", pem.length() + " chars", "at most " + DeviceCommands.MAX_BODY);
        }
        X509Certificate cert = parse(pem);
        synchronized (c.state()) {
            List<String> store = c.state().caCertificates();
            if (store.stream().anyMatch(p -> fingerprint(parseQuietly(p)).equals(fingerprint(cert)))) {
                return DeviceCommands.ok();
            }
            if (store.size() >= MAX_CERTIFICATES) {
                throw Params.illegal("body", store.size() + " certificates", "at most " + MAX_CERTIFICATES);
            }
            store.add(pem);
        }
        return DeviceCommands.ok();
    }

    static JsonNode delete(XapiCommands.Call c) {
        String fp = c.params().string("Fingerprint", true);
        synchronized (c.state()) {
            boolean removed = c.state().caCertificates()
                    .removeIf(p -> fingerprint(parseQuietly(p)).equalsIgnoreCase(fp));
            if (!removed) throw Params.illegal("Fingerprint", fp, "no such certificate");
        }
        return DeviceCommands.ok();
    }

    static JsonNode show(XapiCommands.Call c) {
        ObjectNode r = DeviceCommands.ok();
        ArrayNode details = r.putArray("Details");
        synchronized (c.state()) {
            int id = 1;
            for (String pem : c.state().caCertificates()) {
                X509Certificate cert = parseQuietly(pem);
                details.addObject()
                        .put("Fingerprint", fingerprint(cert))
                        .put("IssuerName", cert.getIssuerX500Principal().getName())
                        .put("NotAfter", cert.getNotAfter().toInstant().toString())
                        .put("SubjectName", cert.getSubjectX500Principal().getName())
                        .put("id", id++);
            }
        }
        return r;
    }

    static X509Certificate parse(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | RuntimeException e) {
            throw Params.illegal("body", "(" + pem.length() + " chars)", "must be one PEM X.509 certificate");
        }
    }

    private static X509Certificate parseQuietly(String pem) {
        try {
            return parse(pem);
        } catch (io.phonectl.xapi.XapiRpcException e) {
            throw new IllegalStateException("stored certificate no longer parses", e);
        }
    }

    /** SHA-1 fingerprint in lower-case hex, the form the devices list. */
    static String fingerprint(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
