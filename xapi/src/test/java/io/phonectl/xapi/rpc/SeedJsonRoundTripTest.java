package io.phonectl.xapi.rpc;

import io.phonectl.xapi.RpcId;
import io.phonectl.xapi.XapiParseException;
import io.phonectl.xapi.call.XapiCall;
import io.phonectl.xapi.call.XapiCalls;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every request/response/notification JSON example of seeds/004, parsed and re-rendered equal. */
class SeedJsonRoundTripTest {

    static List<String> examples() {
        return List.of(
                """
                {"jsonrpc": "2.0", "id": 101, "method": "xGet", "params": {"Path": ["Status", "SystemUnit", "Uptime"]}}""",
                """
                {"jsonrpc": "2.0", "id": 101, "result": 62974}""",
                """
                {"jsonrpc": "2.0", "id": 102, "method": "xGet", "params": {"Path": ["Configuration", "SystemUnit", "Name"]}}""",
                """
                {"jsonrpc": "2.0", "id": 102, "result": "my-device"}""",
                """
                {"jsonrpc": "2.0", "id": 103, "method": "xGet", "params": {"Path": ["Status", "SystemUnit", "State"]}}""",
                """
                {"jsonrpc": "2.0", "id": 103, "result": {"NumberOfActiveCalls": 0, "NumberOfInProgressCalls": 0,
                 "NumberOfSuspendedCalls": 0}}""",
                """
                {"jsonrpc": "2.0", "id": 104, "method": "xGet",
                 "params": {"Path": ["Status", "SystemUnit", "Hardware", "Monitoring", "Fan", 2, "Status"]}}""",
                """
                {"jsonrpc": "2.0", "id": 104, "result": "2372 rpm"}""",
                """
                {"jsonrpc": "2.0", "id": 105, "method": "xQuery", "params": {"Query": ["Status", "**", "DisplayName"]}}""",
                """
                {"jsonrpc": "2.0", "id": 105, "result": {"Status": {"SIP": {"CallForward": {"DisplayName": "my-name"}},
                 "SystemUnit": {"Software": {"DisplayName": "ce 9.7.1 ..."}}}}}""",
                """
                {"jsonrpc": "2.0", "id": 106, "method": "xGet", "params": {"Path": ["Status"]}}""",
                """
                {"jsonrpc": "2.0", "id": 107, "method": "xQuery", "params": {"Query": ["Status"]}}""",
                """
                {"jsonrpc": "2.0", "id": 108, "method": "xGet", "params": {"Path": ["Configuration"]}}""",
                """
                {"jsonrpc": "2.0", "id": 109, "method": "xQuery", "params": {"Query": ["Configuration"]}}""",
                """
                {"jsonrpc": "2.0", "id": 110, "method": "xSet",
                 "params": {"Path": ["Configuration", "SystemUnit", "Name"], "Value": "my-device"}}""",
                """
                {"jsonrpc": "2.0", "id": 110, "result": true}""",
                """
                {"jsonrpc": "2.0", "id": 111, "method": "xCommand/Dial", "params": {"Number": "alice@example.com", "Protocol": "H320"}}""",
                """
                {"jsonrpc": "2.0", "id": 111, "result": {"CallId": 2, "ConferenceId": 1}}""",
                """
                {"jsonrpc": "2.0", "id": 111, "error": {"code": 1, "data": {"Cause": 21}, "message": "Not paired with isdn link"}}""",
                """
                {"jsonrpc": "2.0", "id": 115, "method": "xCommand/Presentation/Start",
                 "params": {"Layout": "Equal", "ConnectorId": [2, 3], "SendingMode": "LocalRemote"}}""",
                """
                {"jsonrpc": "2.0", "id": 115, "result": {"Instance": 1}}""",
                """
                {"jsonrpc": "2.0", "id": 112, "method": "xCommand/SystemUnit/SignInBanner/Set",
                 "params": {"body": "You need admin credentials to continue.\\nContact the IT Help Desk for more information."}}""",
                """
                {"jsonrpc": "2.0", "id": 112, "result": {"status": "OK"}}""",
                """
                {"jsonrpc": "2.0", "id": 113, "method": "xFeedback/Subscribe",
                 "params": {"Query": ["Status", "Video", "Selfview"], "NotifyCurrentValue": true}}""",
                """
                {"jsonrpc": "2.0", "id": 113, "result": {"Id": 1}}""",
                """
                {"jsonrpc": "2.0", "method": "xFeedback/Event", "params": {"Id": 1, "Status": {"Video": {"Selfview": {
                 "FullscreenMode": "Off", "Mode": "Off", "OnMonitorRole": "First", "PIPPosition": "CenterRight"}}}}}""",
                """
                {"jsonrpc": "2.0", "id": 114, "method": "xFeedback/Unsubscribe", "params": {"Id": 1}}""",
                """
                {"jsonrpc": "2.0", "id": 114, "result": true}""",
                """
                {"jsonrpc": "2.0", "id": 114, "error": {"code": -32602, "message": "Unknown subscription Id", "data": {"Id": 4}}}""",
                """
                {"jsonrpc": "2.0", "method": "xFeedback/Event", "params": {"Id": 1, "Status": {"Video": {"Selfview": {"Mode": "On"}}}}}""",
                """
                {"jsonrpc": "2.0", "method": "xFeedback/Event", "params": {"Id": 1, "Status": {"Video": {"Selfview": {"FullscreenMode": "On"}}}}}""");
    }

    @ParameterizedTest
    @MethodSource("examples")
    void parsesAndRerendersEqual(String json) {
        RpcMessage message = RpcCodec.parse(json);
        assertThat(RpcCodec.readTree(RpcCodec.render(message))).isEqualTo(RpcCodec.readTree(json));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void requestsMapToCallsAndBackEqual(String json) {
        if (RpcCodec.parse(json) instanceof RpcMessage.Request r) {
            XapiCall call = XapiCalls.fromRequest(r.method(), r.params());
            RpcMessage back = XapiCalls.toRequest(r.id(), call);
            assertThat(RpcCodec.readTree(RpcCodec.render(back))).isEqualTo(RpcCodec.readTree(json));
        }
    }

    /** Frames jsxapi sends (notes §2.4): they map to calls and back to the same JSON. */
    static List<String> jsxapiFrames() {
        return List.of(
                "{\"jsonrpc\":\"2.0\",\"method\":\"xGet\",\"id\":\"1\",\"params\":{\"Path\":[\"Status\",\"Audio\",\"Volume\"]}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"xGet\",\"id\":\"2\",\"params\":{\"Path\":[\"Status\",\"Call\",2,\"Status\"]}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"xSet\",\"id\":\"6\",\"params\":{\"Path\":[\"Configuration\",\"Audio\",\"DefaultVolume\"],\"Value\":50}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"xCommand/Dial\",\"id\":\"7\",\"params\":{\"Number\":\"user@example.com\",\"CallType\":\"Video\"}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"xCommand/UserManagement/User/Add\",\"id\":\"9\",\"params\":{\"Username\":\"u\",\"Role\":[\"Admin\",\"User\"]}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"xCommand/UserInterface/Extensions/Panel/Save\",\"id\":\"10\",\"params\":{\"body\":\"<Extensions>\\n  <Panel/>\\n</Extensions>\",\"PanelId\":\"p1\"}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"xCommand/Audio/Volume/Set\",\"id\":\"11\",\"params\":{\"Level\":60}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"xFeedback/Subscribe\",\"id\":\"14\",\"params\":{\"Query\":[\"Status\",\"Audio\",\"Volume\"]}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"xFeedback/Subscribe\",\"id\":\"15\",\"params\":{\"Query\":[\"Event\",\"UserInterface\",\"Extensions\",\"Widget\",\"Action\"]}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"xFeedback/Unsubscribe\",\"id\":\"18\",\"params\":{\"Id\":1}}");
    }

    @ParameterizedTest
    @MethodSource("jsxapiFrames")
    void jsxapiFramesMapToCallsAndBack(String json) {
        RpcMessage.Request r = (RpcMessage.Request) RpcCodec.parse(json);
        RpcMessage back = XapiCalls.toRequest(r.id(), XapiCalls.fromRequest(r.method(), r.params()));
        assertThat(RpcCodec.readTree(RpcCodec.render(back))).isEqualTo(RpcCodec.readTree(json));
        assertThat(((RpcMessage.Request) back).id()).isInstanceOf(RpcId.Str.class);
    }

    @Test
    void theGuidesLiteralMultiLineExampleIsNotJsonAndFailsTyped() {
        // the guide prints a raw line break inside the string and a trailing comma: neither is JSON
        String asPrinted = "{\"jsonrpc\": \"2.0\", \"id\": 112, \"method\": \"xCommand/SystemUnit/SignInBanner/Set\","
                + " \"params\": {\"body\": \"You need admin credentials to continue.\nContact the IT Help Desk.\",}}";
        assertThatThrownBy(() -> RpcCodec.parse(asPrinted)).isInstanceOf(XapiParseException.class)
                .satisfies(e -> assertThat(((XapiParseException) e).rpcCode()).isEqualTo(-32700));
    }
}
