package io.phonectl.sim.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** HttpFeedback as a plain receiver (the JDK's HttpServer) sees it, registered through a plain WebSocket. */
class HttpFeedbackPostTest {

    record Post(String contentType, String body) {}

    @Test
    void registeredExpressionsArePostedAsXmlThenJson() throws Exception {
        BlockingQueue<Post> posts = new LinkedBlockingQueue<>();
        HttpServer rx = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        rx.createContext("/hook", ex -> {
            posts.add(new Post(ex.getRequestHeaders().getFirst("Content-Type"),
                    new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        rx.start();
        String url = "http://127.0.0.1:" + rx.getAddress().getPort() + "/hook";
        try (XapiSimHost host = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.ROOMOS, 1));
             PlainWs ws = PlainWs.basic(host.device(0).wsUri(), "admin", "")) {
            JsonNode reg = ws.call("""
                    {"jsonrpc":"2.0","id":1,"method":"xCommand/HttpFeedback/Register","params":{"FeedbackSlot":3,
                     "ServerUrl":"%s","Format":"XML","Expression":["/Status/Audio/Volume","/Event/CallDisconnect"]}}"""
                    .formatted(url));
            assertThat(reg.get("result").get("status").asString()).isEqualTo("OK");
            assertThat(ws.call("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"xCommand/Audio/Volume/Set\",\"params\":{\"Level\":42}}")
                    .has("result")).isTrue();
            Post xml = posts.poll(5, TimeUnit.SECONDS);
            assertThat(xml.contentType()).isEqualTo("text/xml");
            assertThat(xml.body()).isEqualTo("<?xml version=\"1.0\"?>\n<Status><Identification><SystemName>my-device"
                    + "</SystemName><ProductID>Cisco Codec Pro</ProductID><SWVersion>ce 9.7.1 ...</SWVersion>"
                    + "</Identification><Audio><Volume>42</Volume></Audio></Status>\n");
            ws.call("""
                    {"jsonrpc":"2.0","id":3,"method":"xCommand/HttpFeedback/Register","params":{"FeedbackSlot":3,
                     "ServerUrl":"%s","Format":"JSON","Expression":"/Event/CallDisconnect"}}""".formatted(url));
            int call = ws.call("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"xCommand/Dial\",\"params\":{\"Number\":\"x@y\"}}")
                    .get("result").get("CallId").asInt();
            assertThat(host.device(0).hangUp(call)).isTrue();
            Post json = posts.poll(5, TimeUnit.SECONDS);
            assertThat(json.contentType()).isEqualTo("application/json");
            JsonNode body = io.phonectl.xapi.rpc.RpcCodec.readTree(json.body());
            assertThat(body.at("/Event/CallDisconnect/CallId").asInt()).isEqualTo(call);
            assertThat(body.at("/Event/Identification/SystemName").asString()).isEqualTo("my-device");
            ws.call("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"xCommand/HttpFeedback/Deregister\",\"params\":{\"FeedbackSlot\":3}}");
            ws.call("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"xCommand/Audio/Volume/Set\",\"params\":{\"Level\":43}}");
            assertThat(host.device(0).read(io.phonectl.xapi.path.XPath.of("Status", "HttpFeedback", 3, "Status"))
                    .asString()).isEqualTo("Off");
        } finally {
            rx.stop(0);
        }
    }
}
