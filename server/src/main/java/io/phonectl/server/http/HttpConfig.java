package io.phonectl.server.http;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How the service listens.
 *
 * @param bind          listening address; loopback (127.0.0.1) by default
 * @param port          listening port; 0 = ephemeral (tests), default {@value #DEFAULT_PORT}
 * @param tlsKeystore   a PKCS12 or JKS key store for HTTPS, or null for plain HTTP
 * @param tlsPassword   the key store's password (never printed)
 * @param maxBodyBytes  request body cap of ordinary routes, default {@value #DEFAULT_MAX_BODY} bytes
 * @param maxImportBytes request body cap of imports, default {@value #DEFAULT_MAX_IMPORT} bytes
 * @param publicUri     the URI devices reach the service at ({@link PublicUri}); null = the listening address, as
 *                      {@link HttpServer#uri()} says it
 */
public record HttpConfig(InetAddress bind, int port, Path tlsKeystore, String tlsPassword, long maxBodyBytes,
                         long maxImportBytes, URI publicUri) {

    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_BODY = 1024 * 1024;
    public static final long DEFAULT_MAX_IMPORT = 32L * 1024 * 1024;

    public HttpConfig {
        bind = bind == null ? InetAddress.getLoopbackAddress() : bind;
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port = " + port + ": must be 0..65535 (0 = ephemeral)");
        }
        if (tlsKeystore != null) {
            Objects.requireNonNull(tlsPassword, "tlsPassword: a key store needs its password");
        }
        if (maxBodyBytes < 1024 || maxBodyBytes > 64L * 1024 * 1024) {
            throw new IllegalArgumentException("maxBodyBytes = " + maxBodyBytes + ": must be 1 KiB..64 MiB");
        }
        if (maxImportBytes < maxBodyBytes || maxImportBytes > 1024L * 1024 * 1024) {
            throw new IllegalArgumentException("maxImportBytes = " + maxImportBytes + ": must be maxBodyBytes..1 GiB");
        }
        publicUri = PublicUri.check(publicUri);
    }

    /** Loopback, the given port, plain HTTP, default caps. */
    public static HttpConfig loopback(int port) {
        return new HttpConfig(null, port, null, null, DEFAULT_MAX_BODY, DEFAULT_MAX_IMPORT, null);
    }

    public boolean tls() {
        return tlsKeystore != null;
    }

    public HttpConfig withTls(Path keystore, String password) {
        return new HttpConfig(bind, port, keystore, password, maxBodyBytes, maxImportBytes, publicUri);
    }

    public HttpConfig withBind(InetAddress address) {
        return new HttpConfig(address, port, tlsKeystore, tlsPassword, maxBodyBytes, maxImportBytes, publicUri);
    }

    public HttpConfig withMaxBody(long bytes) {
        return new HttpConfig(bind, port, tlsKeystore, tlsPassword, bytes, Math.max(bytes, maxImportBytes), publicUri);
    }

    /** Devices are handed URLs under {@code uri} ({@link PublicUri} checks it) instead of the listening address. */
    public HttpConfig withPublicUri(URI uri) {
        return new HttpConfig(bind, port, tlsKeystore, tlsPassword, maxBodyBytes, maxImportBytes, uri);
    }

    @Override
    public String toString() {
        return "HttpConfig[" + bind.getHostAddress() + ":" + port + (tls() ? ", tls " + tlsKeystore + ", password=***" : "")
                + ", maxBody=" + maxBodyBytes + ", maxImport=" + maxImportBytes
                + (publicUri == null ? "" : ", public " + publicUri) + "]";
    }
}
