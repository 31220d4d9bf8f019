package io.phonectl.server.cucm;

import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.cucm.CucmException;
import io.phonectl.cucm.axl.AxlVersion;
import io.phonectl.server.device.DeviceRules;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.http.Names;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Every rule a CUCM source must meet, each broken one answered as a 400 naming field, value and rule. */
final class SourceRules {

    static final int MAX_NODES = 64;
    static final int MAX_PEM = 32_000;
    static final int AXL_PORT = 8443;
    private static final Pattern NODE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    /** A source that passed every rule: what is stored. */
    record Valid(String name, String host, int port, List<String> nodes, String axlVersion, long credentialId,
                 String certificate, boolean insecure, String site, List<String> tags, Long deviceCredentialId,
                 boolean enabled) {
    }

    private SourceRules() {
    }

    static Valid check(SourceInput in, Function<String, Optional<Long>> credentialIds) {
        String name = Names.require("name", in.name());
        PhoneAddress publisher = publisher(in.publisher());
        String version = in.axlVersion() == null || in.axlVersion().isBlank() ? AxlVersion.DEFAULT.number()
                : axlVersion(in.axlVersion().strip());
        long credentialId = DeviceRules.credentialId("credentials", in.credentials(), credentialIds);
        Long deviceCredentialId = in.deviceCredentials() == null || in.deviceCredentials().isBlank() ? null
                : DeviceRules.credentialId("deviceCredentials", in.deviceCredentials(), credentialIds);
        String pem = in.certificate() == null || in.certificate().isBlank() ? null : certificate(in.certificate());
        boolean insecure = Boolean.TRUE.equals(in.insecure());
        if (insecure && pem != null) {
            throw new ApiException.Invalid("insecure", true, "false when a certificate is given: trust the "
                    + "certificate, or (a lab only) check nothing, not both");
        }
        return new Valid(name, publisher.host(), publisher.port(), nodes(in.nodes()), version, credentialId, pem,
                insecure, DeviceRules.site(in.site()), DeviceRules.tags(in.tags()), deviceCredentialId,
                in.enabled() == null || in.enabled());
    }

    private static PhoneAddress publisher(String text) {
        String rule = "HOST[:PORT] of the CUCM publisher (port " + AXL_PORT + " when absent, IPv6 as [addr]:port)";
        if (text == null || text.isBlank() || text.length() > 270) {
            throw new ApiException.Invalid("publisher", text, rule);
        }
        String s = text.strip();
        boolean withPort = s.startsWith("[") ? s.contains("]:") : s.contains(":");
        PhoneAddress a;
        try {
            a = PhoneAddress.parse(withPort ? s : s + ":" + AXL_PORT);
        } catch (IllegalArgumentException e) {
            throw new ApiException.Invalid("publisher", text, rule);
        }
        if (a.host().isEmpty() || a.port() < 1 || a.port() > 65_535
                || a.host().chars().anyMatch(c -> c <= ' ' || c == '/' || c == '@')) {
            throw new ApiException.Invalid("publisher", text, rule);
        }
        return a;
    }

    private static String axlVersion(String v) {
        try {
            return AxlVersion.of(v).number();
        } catch (CucmException e) {
            throw new ApiException.Invalid("axlVersion", v, "one of "
                    + AxlVersion.SUPPORTED.stream().map(AxlVersion::number).toList());
        }
    }

    static List<String> nodes(List<String> nodes) {
        if (nodes == null) {
            return List.of();
        }
        if (nodes.size() > MAX_NODES) {
            throw new ApiException.Invalid("nodes", nodes.size() + " nodes", "at most " + MAX_NODES + " CM nodes");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String n : nodes) {
            if (n == null || !NODE.matcher(n.strip()).matches()) {
                throw new ApiException.Invalid("nodes", n, "CM node names of 1..128 characters of A-Z a-z 0-9 . _ -");
            }
            out.add(n.strip());
        }
        return new ArrayList<>(out);
    }

    /** The PEM as given (trimmed), once it holds at least one X.509 certificate and nothing else. */
    private static String certificate(String pem) {
        String rule = "a PEM X.509 certificate (-----BEGIN CERTIFICATE-----), e.g. CUCM's tomcat.pem, at most "
                + MAX_PEM + " characters";
        String shown = pem.length() > 60 ? pem.substring(0, 60) + "…" : pem;
        if (pem.length() > MAX_PEM || !pem.contains("-----BEGIN CERTIFICATE-----") || pem.contains("PRIVATE KEY")) {
            throw new ApiException.Invalid("certificate", shown, rule);
        }
        try {
            var certs = CertificateFactory.getInstance("X.509").generateCertificates(
                    new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
            if (certs.isEmpty()) {
                throw new ApiException.Invalid("certificate", shown, rule);
            }
        } catch (CertificateException e) {
            throw new ApiException.Invalid("certificate", shown, rule + " (" + e.getMessage() + ")");
        }
        return pem.strip();
    }
}
