package io.phonectl.client.testing;

import io.phonectl.client.xsi.PhoneAddress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A "phone" (or device, or CUCM) on raw sockets that answers the way no real one does: headers without end, a body
 * without end, nothing at all, or a fixed answer such as an ordinary web server's HTML page or a reply full of control
 * characters. Loopback, ephemeral port; counts connections; {@link #close()} ends every one. Test code only (shared
 * with cli's tests through this module's test jar).
 */
public final class HostilePeer implements AutoCloseable {

    public enum Behavior {
        /** A status line, then header fields forever. */
        HEADERS_FOREVER,
        /** A good header, then a chunked body forever. */
        BODY_FOREVER,
        /** Holds the connection and answers nothing. */
        SILENT,
        /** A fixed answer ({@link #answering}); {@link #start(Behavior)} with this kind answers {@link #HTML}. */
        FIXED
    }

    /** Well-formed as XML on purpose: a reader that only parses would take it; the root gives it away. */
    public static final String HTML = "<html><head><title>It works</title></head>"
            + "<body><h1>It works!</h1></body></html>\n";

    private final ServerSocket server;
    private final Behavior behavior;
    private final byte[] fixed;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closed;

    private HostilePeer(Behavior behavior, byte[] fixed) throws IOException {
        this.behavior = behavior;
        this.fixed = fixed;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("hostile-accept").start(this::accept);
    }

    public static HostilePeer start(Behavior behavior) throws IOException {
        return behavior == Behavior.FIXED ? answering(200, "text/html; charset=utf-8", HTML)
                : new HostilePeer(behavior, null);
    }

    /** Answers every request with this status, Content-Type and body, then closes the connection. */
    public static HostilePeer answering(int status, String contentType, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: " + b.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + b.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(b, 0, all, head.length, b.length);
        return new HostilePeer(Behavior.FIXED, all);
    }

    public int port() {
        return server.getLocalPort();
    }

    public PhoneAddress address() {
        return new PhoneAddress("127.0.0.1", port());
    }

    /** {@code 127.0.0.1:PORT}, as a command line or a fleet file writes it. */
    public String hostPort() {
        return "127.0.0.1:" + port();
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
            readRequest(in);
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
                case SILENT -> {
                    while (!closed && in.read() >= 0) {
                        // holds the connection and answers nothing
                    }
                }
                case FIXED -> out.write(fixed);
            }
        } catch (IOException e) {
            // the client gave up: that is the point
        } finally {
            open.remove(s);
        }
    }

    /** The request line and headers (at most 64 KiB) and a Content-Length body, so closing resets nothing unread. */
    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 65_536 && !head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            head.append((char) b);
        }
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Math.min(1 << 20, Integer.parseInt(line.substring(15).strip())));
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
