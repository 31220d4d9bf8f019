package io.phonectl.xapi.rpc;

import io.phonectl.xapi.ErrorCode;
import io.phonectl.xapi.RpcError;
import io.phonectl.xapi.RpcId;
import io.phonectl.xapi.XapiParseException;
import io.phonectl.xapi.XapiRpcException;
import io.phonectl.xapi.call.XapiCall;
import io.phonectl.xapi.call.XapiCalls;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.tree.Branch;
import io.phonectl.xapi.tree.Leaf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RpcProtocolTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"1\"                        | \"1\"",
            "\"Getting an xStatus Value\" | \"Getting an xStatus Value\"",
            "101                          | 101",
            "9007199254740993             | 9007199254740993"})
    void idsAreEchoedInKind(String id, String echoed) {
        RpcMessage.Request r = (RpcMessage.Request) RpcCodec.parse(
                "{\"jsonrpc\":\"2.0\",\"method\":\"xGet\",\"id\":" + id + ",\"params\":{\"Path\":[\"Status\",\"Audio\",\"Volume\"]}}");
        String answer = RpcCodec.render(new RpcMessage.Result(r.id(), RpcCodec.number(42)));
        assertThat(answer).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":" + echoed + ",\"result\":42}");
    }

    @Test
    void errorResponsesMayHaveANullId() {
        String text = RpcCodec.render(new RpcMessage.Error(RpcId.NULL, RpcError.of(ErrorCode.PARSE_ERROR)));
        assertThat(text).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse Error\"}}");
        assertThat(RpcCodec.parse(text)).isEqualTo(new RpcMessage.Error(RpcId.NULL, RpcError.of(ErrorCode.PARSE_ERROR)));
    }

    @ParameterizedTest
    @CsvSource({
            "-32600, Invalid Request,           InvalidRequest",
            "-32601, Method Not Found,          MethodNotFound",
            "-32602, Invalid Params,            InvalidParams",
            "-32603, Internal Error,            InternalError",
            "-32700, Parse Error,               ParseError",
            "1,      Command Error,             CommandError",
            "-31999, Permission Denied,         PermissionDenied",
            "-31998, Subscriber Count Exceeded, SubscriberCountExceeded",
            "-31997, Not Ready,                 NotReady",
            "-32000, Something Else,            Other"})
    void everyErrorCodeHasItsMessageAndTypedException(int code, String message, String type) {
        if (!type.equals("Other")) {
            assertThat(ErrorCode.of(code).orElseThrow().message()).isEqualTo(message);
        } else {
            assertThat(ErrorCode.of(code)).isEmpty();
        }
        RpcMessage.Error e = (RpcMessage.Error) RpcCodec.parse("{\"jsonrpc\":\"2.0\",\"id\":\"7\",\"error\":{\"code\":"
                + code + ",\"message\":\"" + message + "\",\"data\":{\"Cause\":21}}}");
        XapiRpcException ex = XapiRpcException.of(e.error());
        assertThat(ex.getClass().getSimpleName()).isEqualTo(type);
        assertThat(ex.code()).isEqualTo(code);
        assertThat(ex.deviceCause()).hasValue(21);
        assertThat(ex.getMessage()).contains(Integer.toString(code)).contains(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"xGet\"            | -32700 | not json at all",
            "[1,2]                                                          | -32600 | array",
            "{\"id\":1,\"method\":\"xGet\"}                                 | -32600 | no jsonrpc",
            "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"xGet\"}             | -32600 | wrong version",
            "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"xGet\"}           | -32600 | fractional id",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}                    | -32600 | numeric method",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":1,\"error\":{}}       | -32600 | both result and error",
            "{\"jsonrpc\":\"2.0\",\"id\":1}                                 | -32600 | neither"})
    void badEnvelopesCarryTheCodeToAnswerWith(String text, int code, String why) {
        assertThatThrownBy(() -> RpcCodec.parse(text)).as(why).isInstanceOf(XapiParseException.class)
                .satisfies(e -> assertThat(((XapiParseException) e).rpcCode()).isEqualTo(code));
    }

    @Test
    void invalidRequestKeepsTheIdWhenReadable() {
        assertThatThrownBy(() -> RpcCodec.parse("{\"jsonrpc\":\"1.0\",\"id\":\"x\",\"method\":\"xGet\"}"))
                .satisfies(e -> assertThat(((XapiParseException) e).id()).contains(RpcId.of("x")));
    }

    @Test
    void unknownMethodsAndBadParamsAreTypedRpcErrors() {
        assertThatThrownBy(() -> XapiCalls.fromRequest("xBogus", null)).isInstanceOf(XapiRpcException.MethodNotFound.class);
        assertThatThrownBy(() -> XapiCalls.fromRequest("xGet", RpcCodec.readTree("{\"Path\":[\"**\"]}")))
                .isInstanceOf(XapiRpcException.InvalidParams.class);
        assertThatThrownBy(() -> XapiCalls.fromRequest("xGet", RpcCodec.readTree("{}")))
                .isInstanceOf(XapiRpcException.InvalidParams.class);
        assertThatThrownBy(() -> XapiCalls.fromRequest("xFeedback/Unsubscribe", RpcCodec.readTree("{\"Id\":\"1\"}")))
                .isInstanceOf(XapiRpcException.InvalidParams.class);
        assertThatThrownBy(() -> XapiCalls.fromRequest("xSet", RpcCodec.readTree("{\"Path\":[\"Configuration\"],\"Value\":{}}")))
                .isInstanceOf(XapiRpcException.InvalidParams.class);
    }

    @Test
    void commandWithoutParamsAsJsxapiSendsIt() {
        RpcMessage.Request r = (RpcMessage.Request) RpcCodec.parse(
                "{\"jsonrpc\":\"2.0\",\"method\":\"xCommand/Standby/Deactivate\",\"id\":\"8\"}");
        assertThat(XapiCalls.fromRequest(r.method(), r.params()))
                .isEqualTo(new XapiCall.Command(XPath.of("Standby", "Deactivate"), Map.of(), null));
    }

    @Test
    void feedbackNotificationsCarryAnIntegerIdAndRouteByIt() {
        Branch payload = Branch.of("Status", Branch.of("Audio", Branch.of("Volume", Leaf.integer(42))));
        String text = RpcCodec.render(XapiCalls.feedbackEvent(3, payload));
        assertThat(text).isEqualTo(
                "{\"jsonrpc\":\"2.0\",\"method\":\"xFeedback/Event\",\"params\":{\"Id\":3,\"Status\":{\"Audio\":{\"Volume\":42}}}}");
        XapiCalls.Feedback f = XapiCalls.readFeedback((RpcMessage.Notification) RpcCodec.parse(text));
        assertThat(f.id()).isEqualTo(3);
        assertThat(f.payload()).isEqualTo(payload);
        assertThat(RpcCodec.render(new RpcMessage.Result(RpcId.of(14), XapiCalls.subscribeResult(3))))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":14,\"result\":{\"Id\":3}}");
    }
}
