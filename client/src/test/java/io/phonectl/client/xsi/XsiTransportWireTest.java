package io.phonectl.client.xsi;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.xsi.object.Execute;
import io.phonectl.xsi.push.XsiPush;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bytes on the wire, against a plain socket that plays the phone: the one request form, and answers the way old
 * embedded servers send them (HTTP/1.0 ending at close, chunked, an interim 100, too large, cut short, none at all).
 */
class XsiTransportWireTest {

    static final Credentials ALICE = Credentials.of("alice", "s3cret");
    static final XsiPush PUSH = XsiPush.of("k", Execute.of("Key:Services"));
    static final String RESPONSE = "<CiscoIPPhoneResponse><ResponseItem URL=\"Key:Services\" Data=\"Success\" Status=\"0\"/>"
            + "</CiscoIPPhoneResponse>";

    static XsiTransport transport;

    @BeforeAll
    static void start() {
        transport = XsiTransport.start(TransportConfig.DEFAULTS.withConnectTimeout(Duration.ofMillis(500)));
    }

    @AfterAll
    static void stop() {
        transport.close();
    }

    /** A phone on a plain socket: reads one request (head and Content-Length body), answers what it is given. */
    record RawPhone(ServerSocket socket, CompletableFuture<byte[]> request) implements AutoCloseable {
        static RawPhone answering(Function<byte[], byte[]> answer) throws IOException {
            ServerSocket s = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
            CompletableFuture<byte[]> seen = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try (Socket c = s.accept()) {
                    c.setSoTimeout(5_000);
                    byte[] req = readRequest(c.getInputStream());
                    seen.complete(req);
                    OutputStream out = c.getOutputStream();
                    out.write(answer.apply(req));
                    out.flush();
                } catch (IOException e) {
                    seen.completeExceptionally(e);
                }
            });
            return new RawPhone(s, seen);
        }

        PhoneAddress address() {
            return new PhoneAddress("127.0.0.1", socket.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static byte[] readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int contentLength = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return buf.toByteArray();
            }
            buf.write(b);
            String sofar = buf.toString(StandardCharsets.ISO_8859_1);
            if (sofar.endsWith("\r\n\r\n")) {
                for (String line : sofar.split("\r\n")) {
                    if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                        contentLength = Integer.parseInt(line.substring(15).trim());
                    }
                }
                buf.write(in.readNBytes(Math.max(0, contentLength)));
                return buf.toByteArray();
            }
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static PushOutcome push(PhoneAddress a) {
        return XsiClient.of(transport, a, ALICE).push(PUSH, Duration.ofSeconds(5));
    }

    @Test
    void theRequestIsWrittenInItsOneFormByteForByte() throws Exception {
        try (RawPhone phone = RawPhone.answering(req -> bytes("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n"
                + "Content-Length: " + RESPONSE.length() + "\r\n\r\n" + RESPONSE))) {
            assertThat(push(phone.address()).kind()).isEqualTo(OutcomeKind.EXECUTED);
            String body = StandardCharsets.US_ASCII.decode(PUSH.body()).toString();
            assertThat(new String(phone.request().get(5, TimeUnit.SECONDS), StandardCharsets.ISO_8859_1)).isEqualTo(
                    "POST /CGI/Execute HTTP/1.1\r\n"
                            + "Host: 127.0.0.1:" + phone.socket().getLocalPort() + "\r\n"
                            + "User-Agent: phonectl\r\n"
                            + "Authorization: " + ALICE.basicHeader() + "\r\n"
                            + "Connection: close\r\n"
                            + "Content-Type: application/x-www-form-urlencoded; charset=UTF-8\r\n"
                            + "Content-Length: " + PUSH.bodyLength() + "\r\n\r\n" + body);
        }
    }

    @Test
    void aGetCarriesNoBodyHeadersAndAuthorizationOnlyWhenGiven() throws Exception {
        try (RawPhone phone = RawPhone.answering(req -> bytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"))) {
            Exchange ex = transport.get(phone.address(), null, "/DeviceInformationX", Duration.ofSeconds(5)).join();
            assertThat(ex).isInstanceOf(Exchange.Answered.class);
            assertThat(((Exchange.Answered) ex).answer().body()).isEqualTo(bytes("ok"));
            assertThat(new String(phone.request().get(5, TimeUnit.SECONDS), StandardCharsets.ISO_8859_1)).isEqualTo(
                    "GET /DeviceInformationX HTTP/1.1\r\nHost: 127.0.0.1:" + phone.socket().getLocalPort()
                            + "\r\nUser-Agent: phonectl\r\nConnection: close\r\n\r\n");
        }
    }

    @Test
    void aDigestPhoneIsSentTheSameFormTwiceFirstWithoutCredentialsThenWithItsAnswer() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 2; i++) {
                    try (Socket c = s.accept()) {
                        c.setSoTimeout(5_000);
                        seen.add(new String(readRequest(c.getInputStream()), StandardCharsets.ISO_8859_1));
                        c.getOutputStream().write(bytes(i == 0
                                ? "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest realm=\"Cisco IP Phone\", "
                                + "nonce=\"n0nce\", qop=\"auth\", algorithm=MD5\r\nContent-Length: 0\r\n\r\n"
                                : "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: " + RESPONSE.length()
                                + "\r\n\r\n" + RESPONSE));
                    } catch (IOException e) {
                        return; // the test fails on what was not seen
                    }
                }
            });
            PhoneAddress a = new PhoneAddress("127.0.0.1", s.getLocalPort());
            PushOutcome o = XsiClient.of(transport, a, ALICE, true).push(PUSH, Duration.ofSeconds(5));
            assertThat(o.kind()).as(o.detail()).isEqualTo(OutcomeKind.EXECUTED);
            String head = "POST /CGI/Execute HTTP/1.1\r\nHost: 127.0.0.1:" + s.getLocalPort()
                    + "\r\nUser-Agent: phonectl\r\n";
            String rest = "Connection: close\r\nContent-Type: application/x-www-form-urlencoded; charset=UTF-8\r\n"
                    + "Content-Length: " + PUSH.bodyLength() + "\r\n\r\n"
                    + StandardCharsets.US_ASCII.decode(PUSH.body());
            assertThat(seen).hasSize(2);
            assertThat(seen.get(0)).isEqualTo(head + rest);
            assertThat(seen.get(1)).startsWith(head + "Authorization: Digest ").endsWith("\r\n" + rest)
                    .contains("username=\"alice\"", "realm=\"Cisco IP Phone\"", "nonce=\"n0nce\"",
                            "uri=\"/CGI/Execute\"", "qop=auth")
                    .doesNotContain("s3cret");
        }
    }

    @Test
    void theHostHeaderLeavesOutTheSchemesPort() {
        String head = StandardCharsets.ISO_8859_1.decode(XsiTransport.head("GET", "/", new PhoneAddress("127.0.0.7", 80),
                null, null, -1)).toString();
        assertThat(head).contains("\r\nHost: 127.0.0.7\r\n");
        String v6 = StandardCharsets.ISO_8859_1.decode(XsiTransport.head("GET", "/", new PhoneAddress("::1", 8080),
                null, null, -1)).toString();
        assertThat(v6).contains("\r\nHost: [::1]:8080\r\n");
        String https = StandardCharsets.ISO_8859_1.decode(XsiTransport.head("GET", "/",
                new PhoneAddress("127.0.0.7", 443, true), null, null, -1)).toString();
        assertThat(https).contains("\r\nHost: 127.0.0.7\r\n");
        String httpsOn80 = StandardCharsets.ISO_8859_1.decode(XsiTransport.head("GET", "/",
                new PhoneAddress("127.0.0.7", 80, true), null, null, -1)).toString();
        assertThat(httpsOn80).contains("\r\nHost: 127.0.0.7:80\r\n");
    }

    /** A push's head, written byte by byte for speed, is the head every other request has, for every address form. */
    @Test
    void aPushHeadIsTheSameBytesAsEveryOtherRequestsHead() {
        for (PhoneAddress a : List.of(new PhoneAddress("127.0.0.7", 80), new PhoneAddress("::1", 8080),
                new PhoneAddress("fe80::1%lo", 80), new PhoneAddress("127.0.0.7", 443, true),
                new PhoneAddress("127.0.0.7", 80, true), new PhoneAddress("phone-12.example.net", 65535))) {
            String expected = "POST " + io.phonectl.xsi.push.XsiPush.PATH + " HTTP/1.1\r\nHost: "
                    + XsiTransport.hostField(a) + "\r\n";
            assertThat(new String(XsiTransport.postHead(a), StandardCharsets.ISO_8859_1)).isEqualTo(expected);
        }
    }

    @Test
    void anHttp10AnswerWithoutLengthEndsWhenThePhoneCloses() throws Exception {
        try (RawPhone phone = RawPhone.answering(req -> bytes("HTTP/1.0 200 OK\r\nContent-Type: text/xml\r\n\r\n"
                + RESPONSE))) {
            PushOutcome o = push(phone.address());
            assertThat(o.kind()).as(o.detail()).isEqualTo(OutcomeKind.EXECUTED);
        }
    }

    @Test
    void aChunkedAnswerAndAnInterim100AreRead() throws Exception {
        String chunked = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(10) + "\r\n" + RESPONSE.substring(0, 10) + "\r\n"
                + Integer.toHexString(RESPONSE.length() - 10) + "\r\n" + RESPONSE.substring(10) + "\r\n0\r\n\r\n";
        try (RawPhone phone = RawPhone.answering(req -> bytes(chunked))) {
            PushOutcome o = push(phone.address());
            assertThat(o.kind()).as(o.detail()).isEqualTo(OutcomeKind.EXECUTED);
        }
    }

    @Test
    void anAnswerCutShortOrLargerThanTheCapIsMalformed() throws Exception {
        try (RawPhone phone = RawPhone.answering(req -> bytes("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n<Cisco"))) {
            PushOutcome o = push(phone.address());
            assertThat(o.kind()).as(o.detail()).isEqualTo(OutcomeKind.MALFORMED);
            assertThat(o.detail()).contains("closed");
        }
        try (XsiTransport small = XsiTransport.start(TransportConfig.DEFAULTS.withMaxAnswerBytes(1024));
             RawPhone declared = RawPhone.answering(req -> bytes("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n"));
             RawPhone streamed = RawPhone.answering(req -> bytes("HTTP/1.0 200 OK\r\n\r\n" + "x".repeat(5000)))) {
            for (RawPhone p : List.of(declared, streamed)) {
                PushOutcome o = XsiClient.of(small, p.address(), ALICE).push(PUSH);
                assertThat(o.kind()).as(o.detail()).isEqualTo(OutcomeKind.MALFORMED);
                assertThat(o.detail()).contains("larger than 1024 bytes");
            }
        }
    }

    @Test
    void garbageIsABadHttpAnswer() throws Exception {
        try (RawPhone phone = RawPhone.answering(req -> bytes("SIP/2.0 200 OK\r\n\r\n"))) {
            PushOutcome o = push(phone.address());
            assertThat(o.kind()).as(o.detail()).isEqualTo(OutcomeKind.MALFORMED);
        }
    }

    /**
     * Parsers pass from one connection to the next (AnswerParsers): after a malformed answer, one cut short, a 401
     * and one that ended at the close, good answers on the same transport (one selector thread) are read as themselves.
     */
    @Test
    void anAnswerAfterABrokenOneIsReadAsItself() throws Exception {
        String ok = "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: " + RESPONSE.length() + "\r\n\r\n"
                + RESPONSE;
        List<String> broken = List.of("SIP/2.0 200 OK\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n<Cisco",
"HTTP/1.1 401 Unauthorized\r\n"
                        + "WWW-Authenticate: Basic realm=\"x\"\r\nContent-Length: 3\r\n\r\nno", "HTTP/1.0 200 OK\r\n\r\n<Cis");
        for (String answer : broken) {
            try (RawPhone bad = RawPhone.answering(req -> bytes(answer))) {
                PushOutcome o = push(bad.address());
                assertThat(o.kind()).as(answer.substring(0, 12) + ": " + o.detail())
                        .isIn(OutcomeKind.MALFORMED, OutcomeKind.AUTH_FAILED);
            }
            for (int i = 0; i < 2; i++) {
                try (RawPhone good = RawPhone.answering(req -> bytes(ok))) {
                    PushOutcome o = push(good.address());
                    assertThat(o.kind()).as("after " + answer.substring(0, 12) + ": " + o.detail())
                            .isEqualTo(OutcomeKind.EXECUTED);
                }
            }
        }
    }

    /**
     * A dead phone: its listening socket's queue is full and nobody accepts, so the kernel drops the SYN and the
     * connect never completes, as behind a switched-off phone's address. The connect timeout ends it.
     */
    @Test
    void aPhoneThatNeverAcceptsTimesOutInTheConnectPhase() throws Exception {
        try (java.nio.channels.ServerSocketChannel dead = java.nio.channels.ServerSocketChannel.open()) {
            dead.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            List<Socket> fill = new ArrayList<>();
            try {
                // the accept queue holds backlog + 1 completed connections; later SYNs are dropped
                for (int i = 0; i < 2; i++) {
                    Socket s = new Socket();
                    s.connect(dead.getLocalAddress(), 1000);
                    fill.add(s);
                }
                PhoneAddress a = new PhoneAddress("127.0.0.1", ((InetSocketAddress) dead.getLocalAddress()).getPort());
                PushOutcome o = push(a);
                assertThat(o).isInstanceOf(PushOutcome.TimedOut.class);
                assertThat(((PushOutcome.TimedOut) o).phase()).isEqualTo(Phase.CONNECT);
                // the connect timeout (500 ms), not the exchange's (5 s), ended it, and nothing is left watched
                assertThat(((PushOutcome.TimedOut) o).afterMillis()).isLessThan(5_000);
                assertThat(transport.inFlight()).isZero();
            } finally {
                for (Socket s : fill) {
                    s.close();
                }
            }
        }
    }
}
