package io.phonectl.client.paging;

import io.phonectl.xsi.Violation;
import io.phonectl.xsi.XsiValidationException;
import io.phonectl.xsi.uri.RtpKind;
import io.phonectl.xsi.uri.RtpUri;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.time.Duration;

/**
 * Settings of one page. Build with {@link #builder()}; every limit is checked there with the rule's source.
 *
 * @param multicastGroup     group:port to stream to once, or null for unicast (one stream per phone)
 * @param basePort           unicast: the RTP port of the first phone on a host; further phones on the same host
 *                           (simulated fleets) get basePort + 2, + 4, … (default 20480, the lowest legal port)
 * @param api                forced API, or null to let the model catalog choose per phone
 * @param volume             0–100 (RTP {@code v} / {@code receiveVolume}), or null for the phone's own volume
 * @param loops              times the file is played back to back (default 1, at most {@value #MAX_LOOPS})
 * @param sourceAddress      the address phones are told the audio comes from (unicast); null = the local address
 *                           the OS would use to reach each phone
 * @param concurrency        phones being told to start or stop at once (default 64)
 * @param requestTimeout     longest single exchange with a phone (default 5 s)
 * @param multicastInterface interface multicast leaves by, or null for the OS default
 * @param multicastTtl       IP_MULTICAST_TTL (default 2, as the reference scripts use for paging)
 */
public record PagingConfig(InetSocketAddress multicastGroup, int basePort, PagingApi api, Integer volume, int loops,
                           InetAddress sourceAddress, int concurrency, Duration requestTimeout,
                           NetworkInterface multicastInterface, int multicastTtl) {

    public static final int DEFAULT_BASE_PORT = 20480;
    public static final int MAX_LOOPS = 100;
    static final String SOURCE = "phonectl page";

    public PagingConfig {
        if (multicastGroup != null) {
            if (multicastGroup.isUnresolved()) {
                throw invalid("multicast group", multicastGroup.getHostString(), "must be an IPv4 address");
            }
            // the RTPMRx URI rules are the rules for a paging group: IPv4 multicast, even port 20480-32768
            new RtpUri(RtpKind.MRX, multicastGroup.getAddress().getHostAddress(), multicastGroup.getPort(), volume, null);
        }
        new RtpUri(RtpKind.RX, "127.0.0.1", basePort, volume, null);
        if (loops < 1 || loops > MAX_LOOPS) {
            throw invalid("loops", loops, "must be 1.." + MAX_LOOPS);
        }
        if (concurrency < 1 || concurrency > 10_000) {
            throw invalid("concurrency", concurrency, "must be 1..10000");
        }
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw invalid("requestTimeout", requestTimeout, "must be positive");
        }
        if (multicastTtl < 0 || multicastTtl > 255) {
            throw invalid("multicastTtl", multicastTtl, "must be 0..255");
        }
    }

    public boolean multicast() {
        return multicastGroup != null;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static XsiValidationException invalid(String field, Object value, String rule) {
        return new XsiValidationException(Violation.of(field, value, rule, SOURCE));
    }

    public static final class Builder {
        private InetSocketAddress multicastGroup;
        private int basePort = DEFAULT_BASE_PORT;
        private PagingApi api;
        private Integer volume;
        private int loops = 1;
        private InetAddress sourceAddress;
        private int concurrency = 64;
        private Duration requestTimeout = Duration.ofSeconds(5);
        private NetworkInterface multicastInterface;
        private int multicastTtl = 2;

        private Builder() {
        }

        public Builder multicast(InetSocketAddress group) {
            this.multicastGroup = group;
            return this;
        }

        public Builder unicast(int firstPort) {
            this.multicastGroup = null;
            this.basePort = firstPort;
            return this;
        }

        public Builder api(PagingApi forced) {
            this.api = forced;
            return this;
        }

        public Builder volume(Integer v) {
            this.volume = v;
            return this;
        }

        public Builder loops(int n) {
            this.loops = n;
            return this;
        }

        public Builder sourceAddress(InetAddress address) {
            this.sourceAddress = address;
            return this;
        }

        public Builder concurrency(int n) {
            this.concurrency = n;
            return this;
        }

        public Builder requestTimeout(Duration d) {
            this.requestTimeout = d;
            return this;
        }

        public Builder multicastInterface(NetworkInterface nif) {
            this.multicastInterface = nif;
            return this;
        }

        public Builder multicastTtl(int ttl) {
            this.multicastTtl = ttl;
            return this;
        }

        public PagingConfig build() {
            return new PagingConfig(multicastGroup, basePort, api, volume, loops, sourceAddress, concurrency,
                    requestTimeout, multicastInterface, multicastTtl);
        }
    }
}
