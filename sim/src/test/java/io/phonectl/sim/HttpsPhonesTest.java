package io.phonectl.sim;

import io.phonectl.sim.phone.SimPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 16 point 7 (simulator half): phones serve HTTPS with a self-signed certificate of their own; the models the
 * catalog marks HTTPS-only (98xx) refuse plain HTTP; a plain JDK client that trusts the phone's certificate (fetched
 * from the inspection API) takes a 98xx screenshot over HTTPS end to end.
 */
class HttpsPhonesTest {

    @TempDir
    static Path dir;
    static FleetHost host;

    @BeforeAll
    static void start() throws Exception {
        host = FleetHost.start(SimConfig.ephemeral(3, List.of("CP-8845", "DP-9871", "CP-7962"))
                .withWeb(SimConfig.Web.HTTPS).withFleetFile(dir.resolve("fleet.csv")));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    static X509Certificate certificateOf(SimPhone p) throws Exception {
        HttpResponse<byte[]> r = Http.get(host.inspectionUri().orElseThrow().resolve("phones/" + p.name() + "/certificate"), null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Http.text(r)).startsWith("-----BEGIN CERTIFICATE-----");
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(r.body()));
    }

    /** A JDK client that trusts exactly this certificate (and does the JDK's usual host-name check). */
    static HttpClient trusting(X509Certificate cert) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("phone", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
    }

    static HttpResponse<byte[]> get(HttpClient c, URI uri) throws Exception {
        return c.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).header("Authorization",
                Http.basic("admin", "admin")).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void a98xxScreenshotOverHttpsWithAClientTrustingThePhonesCertificate() throws Exception {
        SimPhone desk = host.phones().get(1);
        X509Certificate cert = certificateOf(desk);
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=" + desk.name());
        assertThat(cert.getSubjectAlternativeNames()).anySatisfy(san -> assertThat(List.copyOf(san)).isEqualTo(List.of(7, "127.0.0.1")));
        cert.verify(cert.getPublicKey()); // self-signed
        assertThat(host.uri(desk).getScheme()).isEqualTo("https");
        HttpResponse<byte[]> r = get(trusting(cert), host.uri(desk).resolve("/CGI/Screenshot"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertThat(img.getWidth()).isEqualTo(desk.model().width());
        assertThat(img.getHeight()).isEqualTo(desk.model().height());
    }

    @Test
    void anHttpsOnlyModelClosesAPlainHttpConnectionWithoutAnAnswer() {
        SimPhone desk = host.phones().get(1);
        assertThatThrownBy(() -> Http.CLIENT.send(HttpRequest.newBuilder(FleetHost.uriOf(desk).resolve("/DeviceInformationX"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    @Test
    void otherModelsAnswerBothAndEveryPhoneHasItsOwnCertificate() throws Exception {
        SimPhone phone = host.phones().getFirst();
        SimPhone desk = host.phones().get(1);
        assertThat(Http.get(FleetHost.uriOf(phone).resolve("/DeviceInformationX"), null).statusCode()).isEqualTo(200);
        X509Certificate own = certificateOf(phone);
        assertThat(own).isNotEqualTo(certificateOf(desk));
        HttpResponse<byte[]> r = get(trusting(own), FleetHost.httpsUriOf(phone).resolve("/DeviceInformationX"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Http.text(r)).contains(phone.name());
        assertThatThrownBy(() -> get(trusting(certificateOf(desk)), FleetHost.httpsUriOf(phone).resolve("/DeviceInformationX")))
                .as("a client trusting another phone's certificate does not trust this one")
                .isInstanceOf(SSLHandshakeException.class);
        String xml = "XML=" + java.net.URLEncoder.encode("<CiscoIPPhoneExecute><ExecuteItem URL=\"Key:Services\"/>"
                + "</CiscoIPPhoneExecute>", java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> push = trusting(own).send(HttpRequest.newBuilder(FleetHost.httpsUriOf(phone).resolve("/CGI/Execute"))
                .header("Authorization", Http.basic("admin", "admin")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(xml)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(push.body()).contains("Status=\"0\"");
    }

    @Test
    void theFleetFileGivesHttpsOnlyPhonesTheirScheme() throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve("fleet.csv"));
        SimPhone desk = host.phones().get(1);
        SimPhone phone = host.phones().getFirst();
        assertThat(lines).contains(desk.name() + ",https://127.0.0.1:" + desk.address().getPort() + ",DP-9871,admin")
                .contains(phone.name() + ",127.0.0.1:" + phone.address().getPort() + ",CP-8845,admin");
    }

    @Test
    void httpsOnlyEverywhereAndPlainHttpWithoutCertificates() throws Exception {
        try (FleetHost hardened = FleetHost.start(SimConfig.ephemeral(1, List.of("CP-8845")).withWeb(SimConfig.Web.HTTPS_ONLY));
             FleetHost plain = FleetHost.start(SimConfig.ephemeral(1, List.of("DP-9841")))) {
            SimPhone p = hardened.phones().getFirst();
            assertThat(hardened.uri(p).getScheme()).isEqualTo("https");
            assertThatThrownBy(() -> Http.CLIENT.send(HttpRequest.newBuilder(FleetHost.uriOf(p).resolve("/DeviceInformationX"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
            X509Certificate cert = hardened.certificate(p).orElseThrow().certificate();
            assertThat(get(trusting(cert), hardened.uri(p).resolve("/CGI/Screenshot")).statusCode()).isEqualTo(200);

            SimPhone d = plain.phones().getFirst();
            assertThat(plain.uri(d).getScheme()).isEqualTo("http");
            assertThat(Http.get(plain.uri(d).resolve("/DeviceInformationX"), null).statusCode()).isEqualTo(200);
            assertThat(Http.get(plain.inspectionUri().orElseThrow().resolve("phones/" + d.name() + "/certificate"), null)
                    .statusCode()).isEqualTo(404);
            assertThat(plain.certificate(d)).isEmpty();
        }
    }
}
