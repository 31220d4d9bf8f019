package io.phonectl.sim.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request/response example of seed 004 ("xAPI over WebSocket"), sent by a plain JDK WebSocket client to a fresh
 * simulated RoomOS device; the answer must equal the seed's response. The multi-line example's body is written with
 * {@code \n} because the seed shows it with a raw line break (and a trailing comma) that is not valid JSON.
 */
class Seed004ExamplesTest {
    static XapiSimHost host;

    @BeforeAll
    static void start() throws Exception {
        host = XapiSimHost.start(XapiSimConfig.defaults(XapiProduct.ROOMOS, 1));
    }

    @AfterAll
    static void stop() throws Exception {
        host.close();
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("""
                        {"jsonrpc":"2.0","id":101,"method":"xGet","params":{"Path":["Status","SystemUnit","Uptime"]}}""",
                        """
                        {"jsonrpc":"2.0","id":101,"result":62974}"""),
                Arguments.of("""
                        {"jsonrpc":"2.0","id":102,"method":"xGet","params":{"Path":["Configuration","SystemUnit","Name"]}}""",
                        """
                        {"jsonrpc":"2.0","id":102,"result":"my-device"}"""),
                Arguments.of("""
                        {"jsonrpc":"2.0","id":103,"method":"xGet","params":{"Path":["Status","SystemUnit","State"]}}""",
                        """
                        {"jsonrpc":"2.0","id":103,"result":{"NumberOfActiveCalls":0,"NumberOfInProgressCalls":0,
                         "NumberOfSuspendedCalls":0}}"""),
                Arguments.of("""
                        {"jsonrpc":"2.0","id":104,"method":"xGet",
                         "params":{"Path":["Status","SystemUnit","Hardware","Monitoring","Fan",2,"Status"]}}""",
                        """
                        {"jsonrpc":"2.0","id":104,"result":"2372 rpm"}"""),
                Arguments.of("""
                        {"jsonrpc":"2.0","id":105,"method":"xQuery","params":{"Query":["Status","**","DisplayName"]}}""",
                        """
                        {"jsonrpc":"2.0","id":105,"result":{"Status":{"SIP":{"CallForward":{"DisplayName":"my-name"}},
                         "SystemUnit":{"Software":{"DisplayName":"ce 9.7.1 ..."}}}}}"""),
                Arguments.of("""
                        {"jsonrpc":"2.0","id":110,"method":"xSet",
                         "params":{"Path":["Configuration","SystemUnit","Name"],"Value":"my-device"}}""",
                        """
                        {"jsonrpc":"2.0","id":110,"result":true}"""),
                Arguments.of("""
                        {"jsonrpc":"2.0","id":111,"method":"xCommand/Dial","params":{"Number":"alice@example.com",
                         "Protocol":"H320"}}""",
                        """
                        {"jsonrpc":"2.0","id":111,"error":{"code":1,"data":{"Cause":21},
                         "message":"Not paired with isdn link"}}"""),
                Arguments.of("""
                        {"jsonrpc":"2.0","id":111,"method":"xCommand/Dial","params":{"Number":"alice@example.com"}}""",
                        """
                        {"jsonrpc":"2.0","id":111,"result":{"CallId":2,"ConferenceId":1}}"""),
                Arguments.of("""
                        {"jsonrpc":"2.0","id":115,"method":"xCommand/Presentation/Start",
                         "params":{"Layout":"Equal","ConnectorId":[2,3],"SendingMode":"LocalRemote"}}""",
                        """
                        {"jsonrpc":"2.0","id":115,"result":{"Instance":1}}"""),
                Arguments.of("""
                        {"jsonrpc":"2.0","id":112,"method":"xCommand/SystemUnit/SignInBanner/Set",
                         "params":{"body":"You need admin credentials to continue.\\nContact the IT Help Desk for more information."}}""",
                        """
                        {"jsonrpc":"2.0","id":112,"result":{"status":"OK"}}"""),
                Arguments.of("""
                        {"jsonrpc":"2.0","id":114,"method":"xFeedback/Unsubscribe","params":{"Id":4}}""",
                        """
                        {"jsonrpc":"2.0","id":114,"error":{"code":-32602,"message":"Unknown subscription Id",
                         "data":{"Id":4}}}"""));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void reproducesSeedExample(String request, String expected) throws Exception {
        try (PlainWs ws = PlainWs.basic(host.device(0).wsUri(), "admin", "")) {
            assertThat(ws.call(request)).isEqualTo(io.phonectl.xapi.rpc.RpcCodec.readTree(expected));
        }
    }

    @org.junit.jupiter.api.Test
    void wholeDocumentsWithGetAndQuery() throws Exception {
        try (PlainWs ws = PlainWs.basic(host.device(0).wsUri(), "admin", "")) {
            var get = ws.call("{\"jsonrpc\":\"2.0\",\"id\":106,\"method\":\"xGet\",\"params\":{\"Path\":[\"Status\"]}}");
            var query = ws.call("{\"jsonrpc\":\"2.0\",\"id\":107,\"method\":\"xQuery\",\"params\":{\"Query\":[\"Status\"]}}");
            assertThat(get.get("id").asInt()).isEqualTo(106);
            assertThat(get.get("result").has("SystemUnit")).isTrue();
            assertThat(get.get("result").has("Status")).isFalse(); // xGet: relative to the path
            assertThat(query.get("result").get("Status")).isEqualTo(get.get("result")); // xQuery: from the top
            var cfg = ws.call("{\"jsonrpc\":\"2.0\",\"id\":108,\"method\":\"xGet\",\"params\":{\"Path\":[\"Configuration\"]}}");
            var cfgQ = ws.call("{\"jsonrpc\":\"2.0\",\"id\":109,\"method\":\"xQuery\",\"params\":{\"Query\":[\"Configuration\"]}}");
            assertThat(cfgQ.get("result").get("Configuration")).isEqualTo(cfg.get("result"));
            var star = ws.call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"xGet\",\"params\":{\"Path\":[\"**\"]}}");
            assertThat(star.get("error").get("code").asInt()).isEqualTo(-32602); // ["**"] is not valid
        }
    }

    @org.junit.jupiter.api.Test
    void subscribeWithNotifyCurrentValueThenSparseChanges() throws Exception {
        try (PlainWs ws = PlainWs.basic(host.device(0).wsUri(), "admin", "")) {
            var resp = ws.call("""
                    {"jsonrpc":"2.0","id":113,"method":"xFeedback/Subscribe",
                     "params":{"Query":["Status","Video","Selfview"],"NotifyCurrentValue":true}}""");
            int id = resp.get("result").get("Id").asInt();
            assertThat(resp.get("result").get("Id").isIntegralNumber()).isTrue();
            assertThat(ws.next()).isEqualTo(io.phonectl.xapi.rpc.RpcCodec.readTree("""
                    {"jsonrpc":"2.0","method":"xFeedback/Event","params":{"Id":%d,"Status":{"Video":{"Selfview":
                     {"FullscreenMode":"Off","Mode":"Off","OnMonitorRole":"First","PIPPosition":"CenterRight"}}}}}"""
                    .formatted(id)));
            var dev = host.device(0);
            dev.changeStatus(io.phonectl.xapi.path.XPath.of("Status", "Video", "Selfview", "Mode"), DeviceState.NODES.stringNode("On"));
            dev.changeStatus(io.phonectl.xapi.path.XPath.of("Status", "Video", "Selfview", "FullscreenMode"),
                    DeviceState.NODES.stringNode("On"));
            assertThat(ws.next()).isEqualTo(io.phonectl.xapi.rpc.RpcCodec.readTree("""
                    {"jsonrpc":"2.0","method":"xFeedback/Event","params":{"Id":%d,"Status":{"Video":{"Selfview":
                     {"Mode":"On"}}}}}""".formatted(id)));
            assertThat(ws.next()).isEqualTo(io.phonectl.xapi.rpc.RpcCodec.readTree("""
                    {"jsonrpc":"2.0","method":"xFeedback/Event","params":{"Id":%d,"Status":{"Video":{"Selfview":
                     {"FullscreenMode":"On"}}}}}""".formatted(id)));
            assertThat(ws.call("""
                    {"jsonrpc":"2.0","id":114,"method":"xFeedback/Unsubscribe","params":{"Id":%d}}""".formatted(id)))
                    .isEqualTo(io.phonectl.xapi.rpc.RpcCodec.readTree("{\"jsonrpc\":\"2.0\",\"id\":114,\"result\":true}"));
            dev.changeStatus(io.phonectl.xapi.path.XPath.of("Status", "Video", "Selfview", "Mode"), DeviceState.NODES.stringNode("Off"));
            dev.changeStatus(io.phonectl.xapi.path.XPath.of("Status", "Video", "Selfview", "FullscreenMode"),
                    DeviceState.NODES.stringNode("Off"));
            // after unsubscribing nothing arrives: a request answered after the changes proves it
            assertThat(ws.call("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"xGet\",\"params\":{\"Path\":[\"Status\",\"Audio\",\"Volume\"]}}")
                    .get("id").asString()).isEqualTo("x");
        }
    }
}
