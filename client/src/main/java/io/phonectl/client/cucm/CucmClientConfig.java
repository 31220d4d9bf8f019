package io.phonectl.client.cucm;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.tls.TlsPolicy;
import io.phonectl.cucm.axl.AxlVersion;
import io.phonectl.cucm.ris.CmSelectionCriteria;
import io.phonectl.cucm.ris.RisFaults;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where the cluster is and how discovery talks to it. Build with {@link #builder}; defaults: port 8443, HTTPS with
 * certificates verified, AXL 14.0, 30 s per request, AXL pages of 1,000 phones, RisPort batches of 1,000 names within
 * 15 requests a minute, every CM node.
 *
 * @param host          the publisher (AXL should always be asked there)
 * @param risHost       where RisPort is asked (any node answers for the cluster); the publisher by default
 * @param nodes         CM nodes to ask RisPort about, one query each per batch; empty = all nodes in one query
 * @param risPerMinute  the share of the cluster-wide RisPort limit this client may use, 1..10,000
 * @param risBatch      names per RisPort query, 1..1000 (MaxReturnedDevices)
 * @param axlPage       phones per listPhone page, 1..100,000; shrunk automatically when AXL says the page is too large
 */
public record CucmClientConfig(String host, int port, boolean https, String risHost, Credentials credentials,
                               TlsPolicy tls, AxlVersion axlVersion, Duration timeout, List<String> nodes,
                               int risPerMinute, int risBatch, int axlPage) {

    public CucmClientConfig {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(axlVersion, "axlVersion");
        if (host == null || host.isBlank() || host.contains("/")) {
            throw new CucmClientException.Config("host", host, "must be a host name or address");
        }
        risHost = risHost == null || risHost.isBlank() ? host : risHost;
        if (port < 1 || port > 65_535) {
            throw new CucmClientException.Config("port", port, "must be 1..65535 (CUCM serves AXL on 8443)");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new CucmClientException.Config("timeout", timeout, "must be 1 ms..10 min");
        }
        nodes = List.copyOf(nodes);
        if (risPerMinute < 1 || risPerMinute > 10_000) {
            throw new CucmClientException.Config("risPerMinute", risPerMinute, "must be 1..10000 (CUCM's default "
                    + "limit is " + RisFaults.DEFAULT_RATE_PER_MINUTE + " for the whole cluster)");
        }
        if (risBatch < 1 || risBatch > CmSelectionCriteria.MAX_RETURNED_DEVICES) {
            throw new CucmClientException.Config("risBatch", risBatch, "must be 1.."
                    + CmSelectionCriteria.MAX_RETURNED_DEVICES + " (RisPort70 MaxReturnedDevices)");
        }
        if (axlPage < 1 || axlPage > 100_000) {
            throw new CucmClientException.Config("axlPage", axlPage, "must be 1..100000");
        }
    }

    public URI uri(String h, String path) {
        String literal = h.contains(":") ? "[" + h + "]" : h;
        return URI.create((https ? "https" : "http") + "://" + literal + ":" + port + path);
    }

    public static Builder builder(String host, Credentials credentials) {
        return new Builder(host, credentials);
    }

    @Override
    public String toString() {
        return "CucmClientConfig[" + host + ":" + port + ", user=" + credentials.user() + ", password=***, " + tls
                + ", AXL " + axlVersion.number() + "]";
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private final String host;
        private final Credentials credentials;
        private int port = 8443;
        private boolean https = true;
        private String risHost;
        private TlsPolicy tls = TlsPolicy.verify();
        private AxlVersion axlVersion = AxlVersion.DEFAULT;
        private Duration timeout = Duration.ofSeconds(30);
        private List<String> nodes = List.of();
        private int risPerMinute = RisFaults.DEFAULT_RATE_PER_MINUTE;
        private int risBatch = CmSelectionCriteria.MAX_RETURNED_DEVICES;
        private int axlPage = 1000;

        private Builder(String host, Credentials credentials) {
            this.host = host;
            this.credentials = credentials;
        }

        public Builder port(int p) { this.port = p; return this; }

        /** Plain HTTP (the simulator on request; a real CUCM serves AXL over HTTPS only). */
        public Builder plainHttp() { this.https = false; return this; }

        public Builder risHost(String h) { this.risHost = h; return this; }

        public Builder tls(TlsPolicy t) { this.tls = t; return this; }

        public Builder axlVersion(AxlVersion v) { this.axlVersion = v; return this; }

        public Builder timeout(Duration d) { this.timeout = d; return this; }

        public Builder nodes(List<String> n) { this.nodes = n; return this; }

        public Builder risPerMinute(int r) { this.risPerMinute = r; return this; }

        public Builder risBatch(int b) { this.risBatch = b; return this; }

        public Builder axlPage(int p) { this.axlPage = p; return this; }

        public CucmClientConfig build() {
            return new CucmClientConfig(host, port, https, risHost, credentials, tls, axlVersion, timeout, nodes,
                    risPerMinute, risBatch, axlPage);
        }
    }
}
