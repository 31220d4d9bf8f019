package io.phonectl.client.http;

import io.phonectl.client.xsi.PhoneAddress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A "phone" (or device, or CUCM) that answers on raw sockets the way no real one does: headers without end, a body
 * without end, or an ordinary web server's HTML page. Loopback, ephemeral port; {@link #close()} stops every
 * connection. Test code only.
 */
public final class HostilePeer implements AutoCloseable {

    public enum Behavior {
        /** A status line, then header fields forever. */
        HEADERS_FOREVER,
        /** A good header, then a chunked body forever. */
        BODY_FOREVER,
        /** A 200 with an HTML page, as any web server answers. */
        HTML_PAGE
    }

    /** Well-formed as XML on purpose: a reader that only parses would take it; the root gives it away. */
    public static final String HTML = "<html><head><title>It works</title></head>"
            + "<body><h1>It works!</h1></body></html>\n";

    private final ServerSocket server;
    private final Behavior behavior;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closed;

    private HostilePeer(Behavior behavior) throws IOException {
        this.behavior = behavior;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("hostile-accept").start(this::accept);
    }

    public static HostilePeer start(Behavior behavior) throws IOException {
        return new HostilePeer(behavior);
    }

    public int port() {
        return server.getLocalPort();
    }

    public PhoneAddress address() {
        return new PhoneAddress("127.0.0.1", port());
    }

    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                open.add(s);
                Thread.ofVirtual().name("hostile-conn").start(() -> serve(s));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            readHead(in);
            switch (behavior) {
                case HEADERS_FOREVER -> {
                    out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
                    byte[] field = ("X-Filler: " + "a".repeat(1000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                    while (!closed) {
                        out.write(field);
                    }
                }
                case BODY_FOREVER -> {
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = ("1000\r\n" + "<".repeat(4096) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                    while (!closed) {
                        out.write(chunk);
                    }
                }
                case HTML_PAGE -> {
                    byte[] body = HTML.getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
                            + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                }
            }
        } catch (IOException e) {
            // the client gave up: that is the point
        } finally {
            open.remove(s);
        }
    }

    /** Reads the request line and headers (and ignores any body): at most 64 KiB. */
    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        for (int i = 0; i < 65_536; i++) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
            if (matched == 4) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
