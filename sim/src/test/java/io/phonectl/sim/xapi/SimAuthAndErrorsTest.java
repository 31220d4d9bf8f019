package io.phonectl.sim.xapi;

import io.phonectl.xapi.schema.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phonectl.xapi.rpc.RpcCodec;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Handshake authentication, roles, caps and every error code, with a plain JDK client. */
class SimAuthAndErrorsTest {
    static XapiSimHost host;
    static XapiSimHost phones;

    @BeforeAll
    static void start() throws Exception {
        host = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.ROOMOS, 2)
                .withUsers(List.of(new SimUser("admin", "secret", Role.ADMIN),
                        new SimUser("integrator", "i", Role.INTEGRATOR),
                        new SimUser("user", "u", Role.USER)))
                .withSubscriptionCap(3));
        phones = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.PHONEOS, 1));
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
        phones.close();
    }

    static int handshakeStatus(Runnable connect) {
        try {
            connect.run();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) return h.getResponse().statusCode();
            throw e;
        }
    }

    @Test
    void subprotocolAuthIsEchoedExactly() {
        String proto = PlainWs.authProtocol("admin", "secret");
        try (PlainWs ws = PlainWs.subprotocol(host.device(0).wsUri(), "admin", "secret")) {
            assertThat(ws.ws.getSubprotocol()).isEqualTo(proto);
        }
    }

    @Test
    void basicAuthWorksWithoutSubprotocol() throws Exception {
        try (PlainWs ws = PlainWs.basic(host.device(1).wsUri(), "admin", "secret")) {
            assertThat(ws.ws.getSubprotocol()).isEmpty();
            assertThat(ws.call("{\"jsonrpc\":\"2.0\",\"id\":\"1\",\"method\":\"xGet\",\"params\":{\"Path\":[\"Status\",\"Audio\",\"Volume\"]}}"))
                    .isEqualTo(RpcCodec.readTree("{\"jsonrpc\":\"2.0\",\"id\":\"1\",\"result\":50}"));
        }
    }

    @Test
    void badCredentialsAre403AndMissingOnes401() {
        var uri = host.device(0).wsUri();
        assertThat(handshakeStatus(() -> PlainWs.basic(uri, "admin", "wrong").close())).isEqualTo(403);
        assertThat(handshakeStatus(() -> PlainWs.subprotocol(uri, "nobody", "secret").close())).isEqualTo(403);
        assertThat(handshakeStatus(() -> PlainWs.open(PlainWs.HTTP.newWebSocketBuilder(), uri).close())).isEqualTo(401);
        assertThat(handshakeStatus(() -> PlainWs.open(PlainWs.HTTP.newWebSocketBuilder().subprotocols("auth-!!!"), uri)
                .close())).isEqualTo(401);
    }

    @Test
    void phoneOsHasNoWebSocket() {
        var uri = phones.device(0).wsUri();
        assertThat(handshakeStatus(() -> PlainWs.basic(uri, "admin", "").close())).isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json                                                                  | -32700 | true",
        "[1,2]                                                                     | -32600 | true",
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"xNope\"}                       | -32601 | false",
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"xCommand/No/Such\"}            | -32601 | false",
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"xGet\",\"params\":{\"Path\":[\"**\"]}} | -32602 | false",
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"xGet\",\"params\":{\"Path\":[\"Status\",\"Nope\"]}} | -32602 | false",
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"xCommand/Audio/Volume/Set\",\"params\":{\"Level\":101}} | 1 | false",
    })
    void errorCodes(String request, int code, boolean nullId) throws Exception {
        try (PlainWs ws = PlainWs.basic(host.device(0).wsUri(), "admin", "secret")) {
            JsonNode resp = ws.call(request);
            assertThat(resp.get("error").get("code").asInt()).isEqualTo(code);
            assertThat(resp.get("id").isNull()).isEqualTo(nullId);
        }
    }

    @Test
    void volumeLimitBothSides() throws Exception {
        try (PlainWs ws = PlainWs.basic(host.device(0).wsUri(), "admin", "secret")) {
            assertThat(ws.call(volume(100)).has("result")).isTrue();
            assertThat(ws.call(volume(0)).has("result")).isTrue();
            JsonNode bad = ws.call(volume(-1));
            assertThat(bad.get("error").get("data").get("Cause").asInt()).isEqualTo(27);
            assertThat(bad.get("error").get("message").asString()).contains("Level", "-1", "0..100");
        }
    }

    private static String volume(int level) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"xCommand/Audio/Volume/Set\",\"params\":{\"Level\":" + level + "}}";
    }

    @Test
    void rolesArePermissionDenied() throws Exception {
        try (PlainWs ws = PlainWs.basic(host.device(0).wsUri(), "user", "u")) {
            JsonNode set = ws.call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"xSet\",\"params\":{\"Path\":[\"Configuration\",\"SystemUnit\",\"Name\"],\"Value\":\"x\"}}");
            assertThat(set.get("error").get("code").asInt()).isEqualTo(-31999);
            JsonNode boot = ws.call("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"xCommand/SystemUnit/Boot\"}");
            assertThat(boot.get("error").get("code").asInt()).isEqualTo(-31999);
            JsonNode get = ws.call("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"xGet\",\"params\":{\"Path\":[\"Status\",\"Audio\",\"Volume\"]}}");
            assertThat(get.has("result")).isTrue();
        }
        try (PlainWs ws = PlainWs.basic(host.device(0).wsUri(), "integrator", "i")) {
            JsonNode banner = ws.call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"xCommand/SystemUnit/SignInBanner/Set\",\"params\":{\"body\":\"x\"}}");
            assertThat(banner.get("error").get("code").asInt()).isEqualTo(-31999);
            JsonNode set = ws.call("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"xSet\",\"params\":{\"Path\":[\"configuration\",\"audio\",\"defaultvolume\"],\"Value\":\"55\"}}");
            assertThat(set.get("result").asBoolean()).isTrue();
            assertThat(host.device(0).read(io.phonectl.xapi.path.XPath.of("Configuration", "Audio", "DefaultVolume")).asInt())
                    .isEqualTo(55);
        }
    }

    @Test
    void subscriptionCapPerSession() throws Exception {
        String sub = "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"xFeedback/Subscribe\",\"params\":{\"Query\":[\"Status\",\"Audio\"]}}";
        try (PlainWs ws = PlainWs.basic(host.device(0).wsUri(), "admin", "secret")) {
            for (int i = 1; i <= 3; i++) assertThat(ws.call(sub.formatted(i)).get("result").get("Id").asInt()).isEqualTo(i);
            JsonNode fourth = ws.call(sub.formatted(4));
            assertThat(fourth.get("error").get("code").asInt()).isEqualTo(-31998);
        }
        try (PlainWs other = PlainWs.basic(host.device(0).wsUri(), "admin", "secret")) {
            assertThat(other.call(sub.formatted(1)).get("result").get("Id").asInt()).isEqualTo(1); // per session
        }
    }

    @Test
    void caseInsensitivePathsAnswerCanonicalCasingAndStringIdsEchoed() throws Exception {
        try (PlainWs ws = PlainWs.subprotocol(host.device(1).wsUri(), "admin", "secret")) {
            JsonNode r = ws.call("{\"jsonrpc\":\"2.0\",\"method\":\"xQuery\",\"id\":\"17\",\"params\":{\"Query\":[\"status\",\"video\",\"selfview\",\"mode\"]}}");
            assertThat(r).isEqualTo(RpcCodec.readTree("{\"jsonrpc\":\"2.0\",\"id\":\"17\",\"result\":{\"Status\":{\"Video\":{\"Selfview\":{\"Mode\":\"Off\"}}}}}"));
            // a request without id is a notification: no answer; the next answer is for the next request
            ws.send("{\"jsonrpc\":\"2.0\",\"method\":\"xCommand/Standby/Deactivate\"}");
            assertThat(ws.call("{\"jsonrpc\":\"2.0\",\"id\":\"18\",\"method\":\"xGet\",\"params\":{\"Path\":[\"Status\",\"Standby\",\"State\"]}}")
                    .get("id").asString()).isEqualTo("18");
        }
    }

    static IntStream seeds() { return IntStream.range(0, 6); }

    @ParameterizedTest
    @MethodSource("seeds")
    void mutatedFramesOnlyProduceErrorsAndKeepTheSessionUsable(int seed) throws Exception {
        Random rnd = new Random(seed);
        String base = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"xCommand/Presentation/Start\",\"params\":{\"ConnectorId\":[2,3]}}";
        try (PlainWs ws = PlainWs.basic(host.device(1).wsUri(), "admin", "secret")) {
            for (int i = 0; i < 20; i++) {
                char[] c = base.toCharArray();
                for (int k = 0; k < 1 + rnd.nextInt(4); k++) c[rnd.nextInt(c.length)] = (char) (32 + rnd.nextInt(95));
                ws.send(new String(c));
            }
            // every answered frame is a well-formed response; the session still answers afterwards
            ws.send("{\"jsonrpc\":\"2.0\",\"id\":\"end\",\"method\":\"xGet\",\"params\":{\"Path\":[\"Status\",\"Audio\",\"Volume\"]}}");
            for (int i = 0; i < 21; i++) {
                JsonNode m = ws.next();
                if (m.has("method")) continue; // feedback is not subscribed here, but tolerate it
                assertThat(m.has("result") ^ m.has("error")).isTrue();
                if ("end".equals(m.path("id").asString(""))) return;
            }
            throw new AssertionError("the session stopped answering");
        }
    }

    @Test
    void httpApiGetAndPut() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var base = phones.device(0).httpUri();
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:".getBytes());
        var get = http.send(HttpRequest.newBuilder(base.resolve("/getxml?location=/Status/SystemUnit/ProductId"))
                .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).contains("<Status product=\"Cisco IP Phone 9841\"", "<SystemUnit><ProductId>DP-9841</ProductId></SystemUnit>");
        var put = http.send(HttpRequest.newBuilder(base.resolve("/putxml")).header("Authorization", auth)
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<Command><Call><Dial><Number>5000</Number></Dial></Call></Command>"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.body()).contains("<CallDialResult status=\"OK\"><CallId>0</CallId><LineId>1</LineId></CallDialResult>");
        var noAuth = http.send(HttpRequest.newBuilder(base.resolve("/getxml?location=/Status")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noAuth.statusCode()).isEqualTo(401);
        var cfg = http.send(HttpRequest.newBuilder(base.resolve("/putxml")).header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.ofString("<Configuration><SystemUnit><Name>desk-7</Name></SystemUnit></Configuration>"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cfg.body()).contains("<Success>");
        assertThat(phones.device(0).read(io.phonectl.xapi.path.XPath.of("Configuration", "SystemUnit", "Name")).asString())
                .isEqualTo("desk-7");
    }

    @Test
    void configRejectsBadValues() {
        assertThatThrownBy(() -> XapiSimConfig.defaults(XapiProduct.ROOMOS, 0)).hasMessageContaining("count");
        assertThat(XapiSimConfig.defaults(XapiProduct.ROOMOS, XapiSimConfig.MAX_DEVICES).count()).isEqualTo(5000);
        assertThatThrownBy(() -> XapiSimConfig.defaults(XapiProduct.ROOMOS, XapiSimConfig.MAX_DEVICES + 1))
                .hasMessageContaining("count");
        assertThatThrownBy(() -> XapiSimConfig.defaults(XapiProduct.ROOMOS, 1).withSubscriptionCap(0))
                .hasMessageContaining("subscriptionCap");
        assertThat(new SimUser("a", "pw", Role.USER).toString()).doesNotContain("pw");
    }
}
