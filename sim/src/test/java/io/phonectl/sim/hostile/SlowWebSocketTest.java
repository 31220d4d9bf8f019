package io.phonectl.sim.hostile;

import io.phonectl.sim.xapi.XapiProduct;
import io.phonectl.sim.xapi.XapiSimConfig;
import io.phonectl.sim.xapi.XapiSimHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 16 hardening: a WebSocket client that sends 200,000 requests and never reads cannot make the simulated device
 * queue the answers without limit: past its unsent-bytes cap the device closes the connection with 1008 (policy
 * violation) and answers no more, ending the connection after a grace; so does one whose answers stay unwritten for
 * the grace (Jetty stops reading such a connection, so the cap alone may never be reached). Raw socket with a small receive buffer, so TCP pushes back at once; small heap.
 */
@SmallHeap
class SlowWebSocketTest {

    static final int REQUESTS = 200_000;
    static final long MAX_USED = 32L << 20;
    static XapiSimHost devices;
    static URI ws;

    @BeforeAll
    static void start() throws Exception {
        Heap.checkSmall();
        devices = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.ROOMOS, 1));
        ws = devices.device(0).wsUri();
    }

    @AfterAll
    static void stop() throws Exception {
        devices.close();
    }

    @Test
    void aClientThatNeverReadsIsClosedWithPolicyViolation() {
        int code = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            try (Socket s = new Socket()) {
                s.setReceiveBufferSize(4096);
                s.connect(new java.net.InetSocketAddress(ws.getHost(), ws.getPort()), 5000);
                s.setSoTimeout(60_000);
                OutputStream out = s.getOutputStream();
                DataInputStream in = new DataInputStream(s.getInputStream());
                handshake(out, in);
                java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
                Thread writer = Thread.ofVirtual().name("never-reads").start(() -> {
                    try {
                        for (int i = 1; i <= REQUESTS; i++) {
                            out.write(frame("{\"jsonrpc\":\"2.0\",\"id\":" + i
                                    + ",\"method\":\"xGet\",\"params\":{\"Path\":[\"Status\"]}}"));
                            sent.incrementAndGet();
                        }
                    } catch (IOException stoppedReading) {
                        // the device gave up on us: fine, what it sent is still to read
                    }
                });
                // never reads: the device must end the connection, which ends the writer
                writer.join(Duration.ofSeconds(90));
                assertThat(writer.isAlive()).as("writer still blocked: the device never ended the connection").isFalse();
                assertThat(sent.get()).as("requests the device read before it stopped").isLessThan(REQUESTS);
                return closeCode(in);
            }
        });
        // 1008 when the close frame is read before the connection ends; a client still writing after the close may
        // instead see the connection reset (the device stops reading it), which discards the unread frame
        assertThat(code).isIn(1008, -1);
        assertThat(Heap.usedAfterGc()).isLessThan(MAX_USED);
    }

    private static void handshake(OutputStream out, InputStream in) throws IOException {
        String auth = Base64.getEncoder().encodeToString("admin:".getBytes(StandardCharsets.UTF_8));
        out.write(("GET /ws HTTP/1.1\r\nHost: " + ws.getHost() + ":" + ws.getPort() + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Authorization: Basic " + auth + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("handshake: " + head);
            }
            head.append((char) c);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 101");
    }

    /** A masked text frame (clients must mask). */
    private static byte[] frame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {1, 2, 3, 4};
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream(payload.length + 8);
        b.write(0x81);
        b.write(0x80 | payload.length); // every request here is under 126 bytes
        b.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            b.write(payload[i] ^ mask[i % 4]);
        }
        return b.toByteArray();
    }

    /** Reads (and drops) frames until a close frame; its status code, or -1 when the connection just ends. */
    private static int closeCode(DataInputStream in) throws IOException {
        try {
            while (true) {
                int op = in.readUnsignedByte() & 0x0F;
                long len = in.readUnsignedByte() & 0x7F;
                if (len == 126) {
                    len = in.readUnsignedShort();
                } else if (len == 127) {
                    len = in.readLong();
                }
                byte[] payload = in.readNBytes((int) len);
                if (op == 0x8) {
                    return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                }
            }
        } catch (EOFException | java.net.SocketException e) {
            return -1;
        }
    }
}
