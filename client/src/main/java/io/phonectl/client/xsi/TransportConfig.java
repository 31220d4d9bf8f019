package io.phonectl.client.xsi;

import io.phonectl.client.http.HttpLimits;
import io.phonectl.client.tls.TlsPolicy;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link XsiTransport}, shared by every phone it talks to. Every exchange has a connection of its
 * own ({@code Connection: close}), so there is nothing per phone to configure.
 *
 * @param connectTimeout time to open a TCP connection (default 3 s; a fleet push wants a shorter one, so that a
 *                       dead phone holds its slot briefly: {@code FleetConfig.connectTimeout})
 * @param requestTimeout default total time for one exchange (default 10 s); {@code Play:} pushes hold the answer
 *                       until the clip ends, so callers raise it per push
 * @param maxAnswerBytes largest answer body read (default 4 MiB, enough for a full-colour BMP screenshot)
 * @param tls            how an {@code https://} phone's certificate is checked (default: verified against the JVM's
 *                       CAs; phones carry self-signed certificates, so users pin or give a trust file)
 * @param digest         answer Digest challenges for every phone (default false: only for the models the catalog
 *                       says challenge with Digest, see {@link XsiClient#of(XsiTransport, PhoneAddress,
 *                       io.phonectl.client.credentials.Credentials, boolean)})
 * @param maxHeaderBytes largest status line and header block read (default
 *                       {@link HttpLimits#MAX_RESPONSE_HEADER_BYTES})
 */
public record TransportConfig(Duration connectTimeout, Duration requestTimeout, int maxAnswerBytes, TlsPolicy tls,
                              boolean digest, int maxHeaderBytes) {

    public static final TransportConfig DEFAULTS = new TransportConfig(Duration.ofSeconds(3), Duration.ofSeconds(10),
            4 << 20, TlsPolicy.verify(), false, HttpLimits.MAX_RESPONSE_HEADER_BYTES);

    /**
     * A fleet push's transport: the defaults with a 1 s connect timeout, so that a dead phone holds its slot of the
     * concurrency limit briefly (a phone on a LAN or WAN connects in milliseconds; a lost SYN is retried as a push).
     */
    public static final TransportConfig FLEET = DEFAULTS.withConnectTimeout(Duration.ofSeconds(1));

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
        if (maxAnswerBytes < 1024) {
            throw new IllegalArgumentException("maxAnswerBytes = " + maxAnswerBytes + ": must be at least 1024");
        }
        if (maxHeaderBytes < 1024) {
            throw new IllegalArgumentException("maxHeaderBytes = " + maxHeaderBytes + ": must be at least 1024");
        }
    }

    public TransportConfig withConnectTimeout(Duration d) {
        return new TransportConfig(d, requestTimeout, maxAnswerBytes, tls, digest, maxHeaderBytes);
    }

    public TransportConfig withRequestTimeout(Duration d) {
        return new TransportConfig(connectTimeout, d, maxAnswerBytes, tls, digest, maxHeaderBytes);
    }

    public TransportConfig withMaxAnswerBytes(int max) {
        return new TransportConfig(connectTimeout, requestTimeout, max, tls, digest, maxHeaderBytes);
    }

    public TransportConfig withTls(TlsPolicy policy) {
        return new TransportConfig(connectTimeout, requestTimeout, maxAnswerBytes, policy, digest, maxHeaderBytes);
    }

    public TransportConfig withDigest(boolean d) {
        return new TransportConfig(connectTimeout, requestTimeout, maxAnswerBytes, tls, d, maxHeaderBytes);
    }

    public TransportConfig withMaxHeaderBytes(int max) {
        return new TransportConfig(connectTimeout, requestTimeout, maxAnswerBytes, tls, digest, max);
    }
}
