package io.phonectl.client.xsi;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.testing.TlsPhone;
import io.phonectl.client.tls.TlsPolicy;
import io.phonectl.xsi.object.Execute;
import io.phonectl.xsi.push.XsiPush;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code https://} phones (98xx serve the screenshot over HTTPS only, hardened 88xx everything) against a loopback
 * HTTPS server with a self-signed certificate made at test start: refused when verified against the JVM's CAs (with
 * the options that fix it named), accepted pinned, with a trust file, or when trusting all.
 */
class XsiHttpsTest {

    static final Credentials ALICE = Credentials.of("alice", "pw");
    static TlsPhone phone;
    static byte[] png;

    @BeforeAll
    static void start() throws Exception {
        BufferedImage img = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        png = out.toByteArray();
        phone = TlsPhone.start(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                boolean authorised = ALICE.basicHeader().equals(request.getHeaders().get(HttpHeader.AUTHORIZATION));
                String path = Request.getPathInContext(request);
                Content.Source.consumeAll(request);
                if (!authorised) {
                    write(response, callback, 401, "text/xml", "<CiscoIPPhoneError Number=\"4\" />".getBytes());
                } else if (path.equals("/CGI/Screenshot")) {
                    write(response, callback, 200, "image/png", png);
                } else {
                    write(response, callback, 200, "text/xml", ("<CiscoIPPhoneResponse><ResponseItem URL=\"Key:Services\""
                            + " Data=\"Success\" Status=\"0\"/></CiscoIPPhoneResponse>").getBytes(StandardCharsets.UTF_8));
                }
                return true;
            }
        });
    }

    static void write(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @AfterAll
    static void stop() throws Exception {
        phone.close();
    }

    static QueryResult<Screenshot> screenshot(TlsPolicy policy) {
        try (XsiTransport t = XsiTransport.start(TransportConfig.DEFAULTS.withTls(policy)
                .withRequestTimeout(Duration.ofSeconds(10)))) {
            return XsiClient.of(t, phone.address(), ALICE).screenshot();
        }
    }

    @Test
    void httpsAddressesParse() {
        PhoneAddress a = PhoneAddress.parse("https://127.0.0.1:" + phone.address().port());
        assertThat(a).isEqualTo(phone.address());
        assertThat(a.uri("/CGI/Screenshot").toString()).startsWith("https://127.0.0.1:");
        assertThat(PhoneAddress.parse("https://phone.example").port()).isEqualTo(443);
        assertThat(PhoneAddress.parse("HTTP://phone.example/").https()).isFalse();
        assertThat(a.toString()).startsWith("https://");
    }

    @Test
    void aSelfSignedPhoneIsRefusedWhenVerifiedAndTheMessageSaysWhatToDo() {
        QueryResult<Screenshot> r = screenshot(TlsPolicy.verify());
        assertThat(r).isInstanceOfSatisfying(QueryResult.Failed.class, f -> {
            assertThat(f.outcome().kind()).isEqualTo(OutcomeKind.MALFORMED);
            assertThat(f.outcome().detail()).contains("TLS handshake failed").contains("--pin").contains("--trust")
                    .contains("--insecure");
        });
    }

    @Test
    void pinnedCertificateTakesTheScreenshot() {
        Screenshot s = screenshot(TlsPolicy.pinned(phone.certificate().sha256())).orElseThrow();
        assertThat(s.format()).isEqualTo(Screenshot.Format.PNG);
        assertThat(s.width()).isEqualTo(4);
        assertThat(s.height()).isEqualTo(3);
        String wrong = (phone.certificate().sha256().charAt(0) == '0' ? "1" : "0")
                + phone.certificate().sha256().substring(1);
        assertThat(screenshot(TlsPolicy.pinned(wrong)).ok()).isFalse();
    }

    @Test
    void aTrustFileVerifiesTheChainAndTheAddress(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("phone.pem");
        Files.writeString(pem, phone.certificate().pem());
        assertThat(screenshot(TlsPolicy.verify(pem, null)).orElseThrow().bytes()).isEqualTo(png);
    }

    @Test
    void trustAllWhenAsked() {
        assertThat(screenshot(TlsPolicy.trustAll()).ok()).isTrue();
    }

    @Test
    void pushesGoOverHttpsToo() {
        try (XsiTransport t = XsiTransport.start(TransportConfig.DEFAULTS
                .withTls(TlsPolicy.pinned(phone.certificate().sha256())))) {
            PushOutcome o = XsiClient.of(t, phone.address(), ALICE).push(XsiPush.of(Execute.of("Key:Services")));
            assertThat(o.kind()).as(o.detail()).isEqualTo(OutcomeKind.EXECUTED);
            PushOutcome refused = XsiClient.of(t, phone.address(), Credentials.of("alice", "wrong"))
                    .push(XsiPush.of(Execute.of("Key:Services")));
            assertThat(refused.kind()).isEqualTo(OutcomeKind.AUTH_FAILED);
        }
    }
}
