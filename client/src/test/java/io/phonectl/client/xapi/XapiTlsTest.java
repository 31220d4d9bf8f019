package io.phonectl.client.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phonectl.sim.xapi.XapiProduct;
import io.phonectl.sim.xapi.XapiSimConfig;
import io.phonectl.sim.xapi.XapiSimHost;
import io.phonectl.xapi.path.XPath;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * wss and https against simulated devices with a self-signed certificate (made with the JDK's keytool): verified
 * by default (and refused), trust-all on request, pinned by SHA-256.
 */
class XapiTlsTest {
    static XapiSimHost room;
    static XapiSimHost phone;
    static String pin;
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("xapi-tls");
        Path store = dir.resolve("device.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "device", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-keypass", "changeit").redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        pin = io.phonectl.client.tls.TlsSupport.sha256((X509Certificate) ks.getCertificate("device"));
        XapiSimConfig.Tls tls = new XapiSimConfig.Tls(ks, "changeit");
        room = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.ROOMOS, 1).withTls(tls));
        phone = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.PHONEOS, 1).withTls(tls));
    }

    @AfterAll
    static void stop() throws Exception {
        room.close();
        phone.close();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.delete(f);
        }
        Files.delete(dir);
    }

    @Test
    void certificatesAreVerifiedByDefault() {
        assertThat(room.device(0).wsUri().getScheme()).isEqualTo("wss");
        assertThatThrownBy(() -> XapiClient.connect(XapiClientConfig.builder(room.device(0).wsUri()).build()))
                .isInstanceOfSatisfying(XapiClientException.Connect.class, e -> {
                    assertThat(e.httpStatus()).isZero();
                    assertThat(e.getMessage()).contains("TLS");
                });
    }

    @Test
    void trustAllOnlyWhenAsked() {
        try (XapiClient c = XapiClient.connect(XapiClientConfig.builder(room.device(0).wsUri()).trustAll().build())) {
            assertThat(c.get(XPath.of("Status", "SystemUnit", "Uptime")).asInt()).isEqualTo(62974);
        }
    }

    @Test
    void pinnedCertificate() {
        try (XapiClient c = XapiClient.connect(XapiClientConfig.builder(room.device(0).wsUri())
                .pinnedCertificate(pin).build())) {
            assertThat(c.get(XPath.of("Configuration", "SystemUnit", "Name")).asString()).isEqualTo("my-device");
        }
        String wrong = (pin.charAt(0) == '0' ? "1" : "0") + pin.substring(1);
        assertThatThrownBy(() -> XapiClient.connect(XapiClientConfig.builder(room.device(0).wsUri())
                .pinnedCertificate(wrong).build())).isInstanceOf(XapiClientException.Connect.class);
    }

    @Test
    void httpsForPhones() {
        try (XapiHttpClient c = new XapiHttpClient(phone.device(0).httpUri(), "admin", "",
                XapiClientConfig.Tls.PINNED, pin, Duration.ofSeconds(10))) {
            assertThat(c.get(XPath.of("Status", "SystemUnit", "ProductId")).asString()).isEqualTo("DP-9841");
        }
        try (XapiHttpClient c = XapiHttpClient.of(phone.device(0).httpUri(), "admin", "")) {
            assertThatThrownBy(() -> c.get(XPath.of("Status"))).isInstanceOf(XapiClientException.Connect.class);
        }
    }
}
