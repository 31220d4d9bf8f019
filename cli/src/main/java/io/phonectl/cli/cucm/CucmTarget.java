package io.phonectl.cli.cucm;

import io.phonectl.cli.options.Credentialed;
import io.phonectl.client.cucm.CucmClientConfig;
import io.phonectl.client.tls.TlsPolicy;
import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.cucm.axl.AxlVersion;
import io.phonectl.cucm.ris.RisFaults;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Where the cluster is and how to talk to it: the options {@code cucm discover} and {@code cucm sync} share. The
 * certificate is verified by default; the password never comes from the command line (PHONECTL_PASSWORD, a file, or
 * a credentials reference).
 */
public final class CucmTarget {

    @Option(names = "--cucm", required = true, paramLabel = "HOST[:PORT]",
            description = "The publisher (AXL); port 8443 unless given.")
    String cucm;

    @Option(names = "--ris-host", paramLabel = "HOST",
            description = "Ask RisPort70 on this node instead of the publisher (same port).")
    String risHost;

    @Option(names = "--nodes", paramLabel = "NODE,…", split = ",",
            description = "Ask RisPort about these CM nodes only (one query per node per batch); default: all nodes.")
    List<String> nodes = List.of();

    @Option(names = "--axl-version", paramLabel = "N.N", defaultValue = "14.0",
            description = "AXL schema: 11.0, 11.5, 12.0, 12.5, 14.0 or 15.0 (default ${DEFAULT-VALUE}).")
    String axlVersion;

    @Option(names = "--trust", paramLabel = "FILE",
            description = "Verify CUCM's certificate against this file (tomcat.pem from OS Administration, or a PKCS12/JKS store).")
    Path trust;

    @Option(names = "--trust-password-env", paramLabel = "VAR",
            description = "Environment variable holding the password of a PKCS12/JKS --trust store.")
    String trustPasswordEnv;

    @Option(names = "--pin", paramLabel = "SHA256",
            description = "Accept exactly the certificate with this SHA-256 (hex, colons allowed).")
    String pin;

    @Option(names = "--insecure", description = "Do not check the certificate at all (lab only; a warning is printed).")
    boolean insecure;

    @Option(names = "--http", description = "Plain HTTP (the simulator with --cucm-http; a real CUCM needs HTTPS).")
    boolean http;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Per-request timeout (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--ris-rate", paramLabel = "N", defaultValue = "" + RisFaults.DEFAULT_RATE_PER_MINUTE,
            description = "RisPort requests per minute this command may use (the cluster's limit, default ${DEFAULT-VALUE}, is shared by every client).")
    int risRate;

    @Option(names = "--ris-batch", paramLabel = "N", defaultValue = "1000",
            description = "Phone names per RisPort query, 1..1000 (default ${DEFAULT-VALUE}).")
    int risBatch;

    @Option(names = "--axl-page", paramLabel = "N", defaultValue = "1000",
            description = "Phones per listPhone page (default ${DEFAULT-VALUE}; smaller pages are used when AXL says a page is over 8 MB).")
    int axlPage;

    @Mixin
    Credentialed credentials;

    CucmClientConfig config(PrintWriter err) {
        PhoneAddress at = PhoneAddress.parse(cucm);
        boolean portGiven = cucm.matches("\\[.*]:\\d+") || cucm.matches("[^:\\[]*:\\d+");
        String host = at.host();
        int port = portGiven ? at.port() : 8443;
        if (timeoutSeconds < 1 || timeoutSeconds > 600) {
            throw new IllegalArgumentException("--timeout = " + timeoutSeconds + ": must be 1..600 seconds");
        }
        CucmClientConfig.Builder b = CucmClientConfig.builder(host, credentials.resolve()).port(port)
                .risHost(risHost).nodes(nodes).axlVersion(AxlVersion.of(axlVersion))
                .timeout(Duration.ofSeconds(timeoutSeconds)).risPerMinute(risRate).risBatch(risBatch).axlPage(axlPage)
                .tls(tls(err));
        if (http) {
            b.plainHttp();
        }
        return b.build();
    }

    private TlsPolicy tls(PrintWriter err) {
        long chosen = Arrays.asList(trust != null, pin != null, insecure).stream().filter(x -> x).count();
        if (chosen > 1) {
            throw new IllegalArgumentException("--trust, --pin and --insecure exclude each other: give one");
        }
        if (insecure) {
            err.println("phonectl: warning: --insecure: CUCM's certificate is not checked; whoever sits between here "
                    + "and CUCM can read the AXL password. Use --trust tomcat.pem or --pin instead.");
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
}
