package io.phonectl.cli.hostile;

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
 * A peer on raw sockets for the command-line tests: one that sends headers or a body without end, one that never
 * answers, or one that answers a fixed HTTP response (an HTML page, a reply full of control characters). Loopback,
 * ephemeral port; counts connections; {@link #close()} ends them all. Test code only.
 */
final class RawPeer implements AutoCloseable {

    enum Kind { HEADERS_FOREVER, BODY_FOREVER, SILENT, FIXED }

    private final ServerSocket server;
    private final Kind kind;
    private final byte[] fixed;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closed;

    private RawPeer(Kind kind, byte[] fixed) throws IOException {
        this.kind = kind;
        this.fixed = fixed;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    static RawPeer of(Kind kind) throws IOException {
        return new RawPeer(kind, null);
    }

    /** Answers every request with this status, Content-Type and body, then closes. */
    static RawPeer answering(int status, String contentType, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: " + b.length
                + "\r\nConnection: close\r\n\r\n";
        byte[] all = new byte[head.length() + b.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, all, 0, head.length());
        System.arraycopy(b, 0, all, head.length(), b.length);
        return new RawPeer(Kind.FIXED, all);
    }

    String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    int port() {
        return server.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                open.add(s);
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            readRequest(in);
            switch (kind) {
                case HEADERS_FOREVER -> {
                    out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
                    byte[] field = ("X-Filler: " + "h".repeat(1000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                    while (!closed) {
                        out.write(field);
                    }
                }
                case BODY_FOREVER -> {
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = ("1000\r\n" + "b".repeat(4096) + "\r\n").getBytes(StandardCharsets.US_ASCII);
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

    /** The request line, headers and a Content-Length body (so closing does not reset what the client wrote). */
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
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).strip()));
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
