package io.phonectl.sim.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.phonectl.xapi.rpc.RpcCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The frames jsxapi sends (notes §2.4, observed), replayed unmodified by a plain JDK client using the jsxapi
 * handshake (auth- subprotocol, no Authorization header): string ids counting from "1", no params key for commands
 * without arguments, body first, feedback checked by strict integer Id equality.
 */
class JsxapiCompatibilityTest {
    static XapiSimHost host;

    @BeforeAll
    static void start() throws Exception {
        host = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.ROOMOS, 1)
                .withUsers(java.util.List.of(new SimUser("admin", "secret", io.phonectl.xapi.schema.Role.ADMIN))));
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
    }

    @Test
    void jsxapiSessionWorksUnmodified() throws Exception {
        try (PlainWs ws = PlainWs.subprotocol(host.device(0).wsUri(), "admin", "secret")) {
            assertThat(ws.ws.getSubprotocol()).isEqualTo("auth-YWRtaW46c2VjcmV0"); // the notes' captured value
            JsonNode sub = ws.call("""
                    {"jsonrpc":"2.0","method":"xFeedback/Subscribe","id":"1","params":{"Query":["Status","Audio","Volume"]}}""");
            assertThat(sub.get("id").isString()).isTrue();
            JsonNode id = sub.get("result").get("Id");
            assertThat(id.isIntegralNumber()).isTrue(); // jsxapi compares params.Id === Id strictly
            assertThat(ws.call("""
                    {"jsonrpc":"2.0","method":"xGet","id":"2","params":{"Path":["Status","Audio","Volume"]}}"""))
                    .isEqualTo(RpcCodec.readTree("{\"jsonrpc\":\"2.0\",\"id\":\"2\",\"result\":50}"));
            assertThat(ws.call("""
                    {"jsonrpc":"2.0","method":"xSet","id":"3","params":{"Path":["Configuration","Audio","DefaultVolume"],"Value":50}}""")
                    .get("result").asBoolean()).isTrue();
            ws.send("""
                    {"jsonrpc":"2.0","method":"xCommand/Audio/Volume/Set","id":"4","params":{"Level":60}}""");
            JsonNode a = ws.next();
            JsonNode b = ws.next();
            JsonNode notification = a.has("method") ? a : b;
            JsonNode response = a.has("method") ? b : a;
            assertThat(response.get("id").asString()).isEqualTo("4");
            assertThat(notification).isEqualTo(RpcCodec.readTree("""
                    {"jsonrpc":"2.0","method":"xFeedback/Event","params":{"Id":%s,"Status":{"Audio":{"Volume":60}}}}"""
                    .formatted(id)));
            assertThat(ws.call("{\"jsonrpc\":\"2.0\",\"method\":\"xCommand/Standby/Deactivate\",\"id\":\"5\"}")
                    .get("result").get("status").asString()).isEqualTo("OK");
            assertThat(ws.call("""
                    {"jsonrpc":"2.0","method":"xCommand/UserInterface/Extensions/Panel/Save","id":"6",
                     "params":{"body":"<Extensions>\\n  <Panel/>\\n</Extensions>","PanelId":"p1"}}""")
                    .get("result").get("status").asString()).isEqualTo("OK");
            JsonNode list = ws.call("{\"jsonrpc\":\"2.0\",\"method\":\"xCommand/UserInterface/Extensions/List\",\"id\":\"7\"}");
            assertThat(list.get("result").at("/Extensions/Panel/0/PanelId").asString()).isEqualTo("p1");
            assertThat(list.get("result").at("/Extensions/Panel/0/id").isIntegralNumber()).isTrue();
            JsonNode dial = ws.call("""
                    {"jsonrpc":"2.0","method":"xCommand/Dial","id":"8","params":{"Number":"user@example.com","CallType":"Video"}}""");
            assertThat(dial.get("result").has("CallId")).isTrue();
            JsonNode doc = ws.call("""
                    {"jsonrpc":"2.0","method":"xDoc","id":"9","params":{"Path":["Status","Audio"],"Type":"Schema"}}""");
            assertThat(doc.get("error").get("code").asInt()).isEqualTo(-32601); // jsxapi rejects cleanly
            assertThat(doc.get("id").asString()).isEqualTo("9");
            assertThat(ws.call("""
                    {"jsonrpc":"2.0","method":"xFeedback/Unsubscribe","id":"10","params":{"Id":%s}}""".formatted(id))
                    .get("result").asBoolean()).isTrue();
        }
    }
}
