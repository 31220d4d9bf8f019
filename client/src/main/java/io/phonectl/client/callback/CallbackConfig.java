package io.phonectl.client.callback;

import io.phonectl.client.credentials.Credentials;

import java.net.InetAddress;
import java.util.Objects;

/**
 * Settings of a {@link CallbackReceiver}.
 *
 * @param bind        listening address (default loopback; phones on a network need a reachable one)
 * @param port        listening port; 0 = ephemeral
 * @param credentials what the Notify URI carried ({@code user:password}, base64 in the URI); phones send it as
 *                    HTTP Basic; null accepts every POST
 * @param maxBodyBytes largest POST read (default 64 KiB)
 */
public record CallbackConfig(InetAddress bind, int port, Credentials credentials, int maxBodyBytes) {

    public CallbackConfig {
        bind = bind == null ? InetAddress.getLoopbackAddress() : bind;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port = " + port + ": must be 0..65535");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes = " + maxBodyBytes + ": must be at least 1024");
        }
    }

    /** Loopback, ephemeral port, the given credentials (or null), 64 KiB. */
    public static CallbackConfig loopback(Credentials credentials) {
        return new CallbackConfig(null, 0, credentials, 64 * 1024);
    }

    public CallbackConfig withPort(int p) {
        return new CallbackConfig(bind, p, credentials, maxBodyBytes);
    }

    public CallbackConfig withBind(InetAddress address) {
        return new CallbackConfig(Objects.requireNonNull(address, "address"), port, credentials, maxBodyBytes);
    }
}
