package io.phonectl.sim.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A web server that misbehaves on purpose, on a raw loopback socket: it answers every request with status 200 and
 * then either streams its body forever as fast as the reader takes it, or sends one byte per second forever.
 * Counts the requests it saw; {@link #close()} stops it and every connection.
 */
final class HostilePeer implements AutoCloseable {

    enum Mode { ENDLESS, TRICKLE }

    private final ServerSocket server;
    private final Mode mode;
    private final String contentType;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean open = true;

    HostilePeer(Mode mode, String contentType) throws IOException {
        this.mode = mode;
        this.contentType = contentType;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofVirtual().name("hostile-accept").start(this::accept);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    int requests() {
        return requests.get();
    }

    private void accept() {
        while (open) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                Thread.ofVirtual().name("hostile-conn").start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            readHead(in);
            requests.incrementAndGet();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] chunk = new byte[16 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'A');
            while (open) {
                if (mode == Mode.ENDLESS) {
                    out.write(chunk);
                } else {
                    out.write('A');
                    out.flush();
                    Thread.sleep(1000); // the hostile behaviour itself: one byte a second
                }
            }
        } catch (IOException | InterruptedException e) {
            // the reader gave up: what we want it to do
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int state = 0;
        int b;
        while ((b = in.read()) >= 0) {
            state = switch (state) {
                case 0, 2 -> b == '\r' ? state + 1 : 0;
                case 1 -> b == '\n' ? 2 : 0;
                case 3 -> b == '\n' ? 4 : 0;
                default -> 0;
            };
            if (state == 4) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
