package io.phonectl.cli.hostile;

import io.phonectl.cli.exit.ExitCode;
import io.phonectl.cli.xsi.CliRun;
import io.phonectl.client.credentials.Credentials;
import io.phonectl.client.testing.DigestPhone;
import io.phonectl.client.testing.TlsPhone;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The XSI commands with {@code https://} phones and Digest, end to end through the command line: a 98xx-style
 * HTTPS-only phone with a self-signed certificate made at test start (its screenshot taken with --pin, --trust or
 * --insecure; refused without, with the options named), and a phone that challenges with Digest (--digest).
 */
class HttpsAndDigestCliTest {

    static final String USER = "ops";
    static final String PASSWORD = "Pw-tls-4c1b-never-shown";

    @TempDir
    static Path dir;
    static TlsPhone phone;
    static Path pw;

    @BeforeAll
    static void start() throws Exception {
        pw = Files.writeString(dir.resolve("pw"), PASSWORD + "\n");
        BufferedImage img = new BufferedImage(8, 5, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        String basic = Credentials.of(USER, PASSWORD).basicHeader();
        phone = TlsPhone.start(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Content.Source.consumeAll(request);
                boolean ok = basic.equals(request.getHeaders().get(HttpHeader.AUTHORIZATION));
                boolean shot = Request.getPathInContext(request).equals("/CGI/Screenshot");
                response.setStatus(ok ? 200 : 401);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, ok && shot ? "image/png" : "text/xml");
                byte[] body = !ok ? "<CiscoIPPhoneError Number=\"4\" />".getBytes(StandardCharsets.UTF_8)
                        : shot ? png.toByteArray()
                        : "<CiscoIPPhoneResponse><ResponseItem URL=\"Key:Services\" Data=\"Success\" Status=\"0\"/>"
                        .concat("</CiscoIPPhoneResponse>").getBytes(StandardCharsets.UTF_8);
                response.write(true, ByteBuffer.wrap(body), callback);
                return true;
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        phone.close();
    }

    static CliRun shot(String... extra) {
        String[] head = {"xsi", "screenshot", "--user", USER, "--password-file", pw.toString(), "-o",
                dir.resolve("screen-" + System.nanoTime() + ".png").toString()};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(head), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        CliRun r = CliRun.of(args);
        assertThat(r.out() + r.err()).doesNotContain(PASSWORD);
        return r;
    }

    String https() {
        return "https://127.0.0.1:" + phone.address().port();
    }

    @Test
    void aScreenshotOverHttpsWithAPinnedCertificate() {
        CliRun r = shot("--phone", https(), "--pin", phone.certificate().sha256());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("PNG 8x5");
    }

    @Test
    void aSelfSignedPhoneIsRefusedUnlessTrustedAndTheMessageSaysHow() throws Exception {
        CliRun refused = shot("--phone", https());
        assertThat(refused.exit()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(refused.out()).contains("TLS handshake failed").contains("--pin").contains("--trust");
        Path pem = Files.writeString(dir.resolve("phone.pem"), phone.certificate().pem());
        assertThat(shot("--phone", https(), "--trust", pem.toString()).exit()).isEqualTo(ExitCode.OK);
        CliRun insecure = shot("--phone", https(), "--insecure");
        assertThat(insecure.exit()).isEqualTo(ExitCode.OK);
        assertThat(insecure.err()).contains("warning: --insecure");
        CliRun both = shot("--phone", https(), "--insecure", "--pin", phone.certificate().sha256());
        assertThat(both.exit()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void a98xxModelTakesItsScreenshotOverHttpsWhateverTheAddressSays() {
        CliRun r = shot("--phone", "127.0.0.1:" + phone.address().port(), "--model", "DP-9841", "--pin",
                phone.certificate().sha256());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.err()).contains("serves the screenshot over HTTPS only");
    }

    @Test
    void pushesGoOverHttpsToo() {
        CliRun r = CliRun.of("xsi", "push", "--phone", https(), "--pin", phone.certificate().sha256(), "--user", USER,
                "--password-file", pw.toString(), "Key:Services");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("EXECUTED");
    }

    @Test
    void aDigestPhoneIsAnsweredWithDigest() throws Exception {
        try (DigestPhone digest = DigestPhone.start(DigestPhone.Scheme.DIGEST_SHA256, USER, PASSWORD)) {
            String at = digest.address().toString();
            CliRun told = CliRun.of("xsi", "push", "--phone", at, "--digest", "--user", USER, "--password-file",
                    pw.toString(), "Key:Services");
            assertThat(told.exit()).as(told.out() + told.err()).isEqualTo(ExitCode.OK);
            CliRun byModel = CliRun.of("xsi", "push", "--phone", at, "--model", "CP-7960", "--user", USER,
                    "--password-file", pw.toString(), "Key:Services");
            assertThat(byModel.exit()).as(byModel.out() + byModel.err()).isEqualTo(ExitCode.OK);
            CliRun notTold = CliRun.of("xsi", "push", "--phone", at, "--user", USER, "--password-file", pw.toString(),
                    "Key:Services");
            assertThat(notTold.exit()).isEqualTo(ExitCode.SOME_FAILED);
            assertThat(notTold.out()).contains("asks for Digest").contains("--digest");
            assertThat(digest.authorizations()).filteredOn(a -> a.startsWith("Digest")).hasSize(2)
                    .allSatisfy(a -> assertThat(a).doesNotContain(PASSWORD));
        }
    }
}
