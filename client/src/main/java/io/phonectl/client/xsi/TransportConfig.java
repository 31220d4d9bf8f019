package io.phonectl.client.xsi;

import io.phonectl.client.http.HttpLimits;
import io.phonectl.client.tls.TlsPolicy;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link XsiTransport}, shared by every phone it talks to.
 *
 * @param connectTimeout          time to open a TCP connection (default 3 s)
 * @param requestTimeout          default total time for one exchange (default 10 s); {@code Play:} pushes
 *                                hold the answer until the clip ends, so callers raise it per push
 * @param maxConnectionsPerPhone  connections open at once to one phone (default 1: phones are small servers)
 * @param keepAlive               reuse connections (default false: phones and the push clients that work with
 *                                them use {@code Connection: close}, reference notes §2.1)
 * @param maxAnswerBytes          largest answer body read (default 4 MiB, enough for a full-colour BMP screenshot)
 * @param tls                     how an {@code https://} phone's certificate is checked (default: verified against the
 *                                JVM's CAs; phones carry self-signed certificates, so users pin or give a trust file)
 * @param digest                  answer Digest challenges for every phone (default false: only for the models the
 *                                catalog says challenge with Digest, see {@link XsiClient#of(XsiTransport,
 *                                PhoneAddress, io.phonectl.client.credentials.Credentials, boolean)})
 * @param maxHeaderBytes          largest response header block read (default {@link HttpLimits#MAX_RESPONSE_HEADER_BYTES})
 */
public record TransportConfig(Duration connectTimeout, Duration requestTimeout, int maxConnectionsPerPhone,
                              boolean keepAlive, int maxAnswerBytes, TlsPolicy tls, boolean digest,
                              int maxHeaderBytes) {

    public static final TransportConfig DEFAULTS = new TransportConfig(Duration.ofSeconds(3), Duration.ofSeconds(10),
            1, false, 4 << 20, TlsPolicy.verify(), false, HttpLimits.MAX_RESPONSE_HEADER_BYTES);

    public TransportConfig {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(tls, "tls");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout = " + connectTimeout + ": must be positive");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout = " + requestTimeout + ": must be positive");
        }
        if (maxConnectionsPerPhone < 1) {
            throw new IllegalArgumentException("maxConnectionsPerPhone = " + maxConnectionsPerPhone + ": must be at least 1");
        }
        if (maxAnswerBytes < 1024) {
            throw new IllegalArgumentException("maxAnswerBytes = " + maxAnswerBytes + ": must be at least 1024");
        }
        if (maxHeaderBytes < 1024) {
            throw new IllegalArgumentException("maxHeaderBytes = " + maxHeaderBytes + ": must be at least 1024");
        }
    }

    public TransportConfig withConnectTimeout(Duration d) {
        return new TransportConfig(d, requestTimeout, maxConnectionsPerPhone, keepAlive, maxAnswerBytes, tls, digest,
                maxHeaderBytes);
    }

    public TransportConfig withRequestTimeout(Duration d) {
        return new TransportConfig(connectTimeout, d, maxConnectionsPerPhone, keepAlive, maxAnswerBytes, tls, digest,
                maxHeaderBytes);
    }

    public TransportConfig withKeepAlive(boolean k) {
        return new TransportConfig(connectTimeout, requestTimeout, maxConnectionsPerPhone, k, maxAnswerBytes, tls, digest,
                maxHeaderBytes);
    }

    public TransportConfig withMaxAnswerBytes(int bytes) {
        return new TransportConfig(connectTimeout, requestTimeout, maxConnectionsPerPhone, keepAlive, bytes, tls, digest,
                maxHeaderBytes);
    }

    public TransportConfig withTls(TlsPolicy policy) {
        return new TransportConfig(connectTimeout, requestTimeout, maxConnectionsPerPhone, keepAlive, maxAnswerBytes,
                policy, digest, maxHeaderBytes);
    }

    public TransportConfig withDigest(boolean d) {
        return new TransportConfig(connectTimeout, requestTimeout, maxConnectionsPerPhone, keepAlive, maxAnswerBytes, tls, d,
                maxHeaderBytes);
    }

    public TransportConfig withMaxHeaderBytes(int bytes) {
        return new TransportConfig(connectTimeout, requestTimeout, maxConnectionsPerPhone, keepAlive, maxAnswerBytes, tls,
                digest, bytes);
    }
}
