package io.phonectl.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback TCP port that refuses connections for as long as this is open: a socket bound to it that never listens.
 * A port merely closed again (an ephemeral ServerSocket opened and closed) can be handed to the next listener of
 * any test running beside it; this one cannot.
 */
public final class ClosedPort implements AutoCloseable {

    private final Socket held = new Socket();

    public ClosedPort() {
        try {
            held.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return held.getLocalPort();
    }

    @Override
    public void close() {
        try {
            held.close();
        } catch (IOException e) {
            // nothing held any more
        }
    }
}
