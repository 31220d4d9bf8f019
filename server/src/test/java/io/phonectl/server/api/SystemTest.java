package io.phonectl.server.api;

import io.phonectl.server.http.HttpConfig;
import io.phonectl.server.testing.Databases;
import io.phonectl.server.testing.Http;
import io.phonectl.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** /health, /metrics, HTTPS with a key store (Secure cookies), and a server that lost its database. */
class SystemTest {

    @Test
    void healthAndMetrics(@TempDir Path dir) throws Exception {
        try (TestServer t = TestServer.start(Databases.H2, dir)) {
            Http.Answer health = t.http().get("/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("ready").asBoolean()).isTrue();
            assertThat(health.json().get("database").get("ok").asBoolean()).isTrue();
            t.admin().get("/api/v1/devices");
            Http.Answer metrics = t.http().get("/metrics");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.contentType()).startsWith("text/plain");
            assertThat(metrics.body()).contains("hikaricp_connections", "jvm_memory_used_bytes",
                    "http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/devices\",status=\"200\"}");
            // the database goes away: not ready, 503, and API calls are problems, not crashes
            t.server.services().database().close();
            Http.Answer down = t.http().get("/health");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().get("ready").asBoolean()).isFalse();
            Http.Answer api = t.http().bearer("phc_whatever").get("/api/v1/devices");
            assertThat(api.status()).isEqualTo(500);
            assertThat(api.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void httpsWithAKeyStore(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("server.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", "store-password", "-keypass", "store-password").redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "store-password".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        HttpClient client = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
        try (TestServer t = TestServer.start(Databases.H2, dir, HttpConfig.loopback(0).withTls(store, "store-password"))) {
            URI base = t.server.uri();
            assertThat(base.getScheme()).isEqualTo("https");
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/session"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"admin\",\"password\":\""
                            + TestServer.ADMIN_PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure", "HttpOnly",
                    "SameSite=Strict");
        }
    }
}
