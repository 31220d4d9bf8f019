package io.phonectl.sim.hostile;

import io.phonectl.sim.xapi.XapiProduct;
import io.phonectl.sim.xapi.XapiSimConfig;
import io.phonectl.sim.xapi.XapiSimHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
 * Issue 16 hardening: the simulated xAPI device's {@code /putxml} enforces its 64 KiB limit while the body streams
 * in (a chunked gigabyte is refused with 413, not read whole), and a body that is not UTF-8 is a 400 without an
 * exception's text. Small-heap JVM: reading the gigabyte whole fails there at once.
 */
@SmallHeap
class PutxmlBoundsTest {

    static final long GIGABYTE = 1L << 30;
    static XapiSimHost devices;
    static URI base;

    @BeforeAll
    static void start() throws Exception {
        Heap.checkSmall();
        devices = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.ROOMOS, 1));
        base = devices.device(0).httpUri();
    }

    @AfterAll
    static void stop() throws Exception {
        devices.close();
    }

    @Test
    void aChunkedGigabyteIsRefusedWhileItStreams() {
        String answer = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> chunked(GIGABYTE));
        assertThat(answer).startsWith("HTTP/1.1 413");
    }

    @Test
    void aBodyThatIsNotUtf8IsABadRequestWithoutExceptionText() throws IOException {
        byte[] body = "<Command><Dial><Number>\u00ff\u00fe</Number></Dial></Command>".getBytes(StandardCharsets.ISO_8859_1);
        String answer = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> raw(body));
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("at io.");
    }

    private static String head(String extra) {
        String auth = Base64.getEncoder().encodeToString("admin:".getBytes(StandardCharsets.UTF_8));
        return "POST /putxml HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\nAuthorization: Basic "
                + auth + "\r\nContent-Type: text/xml\r\n" + extra + "\r\n";
    }

    /** Sends up to {@code total} bytes in 64 KiB chunks until the device answers or stops reading; its status line. */
    private static String chunked(long total) throws IOException {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(head("Transfer-Encoding: chunked\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'A');
            byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                for (long sent = 0; sent < total && in.available() == 0; sent += chunk.length) {
                    out.write(size);
                    out.write(chunk);
                    out.write('\r');
                    out.write('\n');
                }
            } catch (IOException refused) {
                // the device stopped reading and closed: its answer is waiting in our receive buffer
            }
            return statusLine(in);
        }
    }

    private static String raw(byte[] body) throws IOException {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(head("Content-Length: " + body.length + "\r\nConnection: close\r\n").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().write(body);
            return new String(s.getInputStream().readNBytes(4096), StandardCharsets.ISO_8859_1);
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n' && b.length() < 200) {
            b.append((char) c);
        }
        return b.toString().strip();
    }
}
