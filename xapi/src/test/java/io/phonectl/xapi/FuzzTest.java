package io.phonectl.xapi;

import io.phonectl.xapi.call.XapiCalls;
import io.phonectl.xapi.rpc.RpcCodec;
import io.phonectl.xapi.rpc.RpcMessage;
import io.phonectl.xapi.rpc.WsJsonTree;
import io.phonectl.xapi.schema.DeviceSchema;
import io.phonectl.xapi.terminal.TerminalInput;
import io.phonectl.xapi.terminal.TerminalJson;
import io.phonectl.xapi.terminal.TerminalOutput;
import io.phonectl.xapi.xml.XapiXml;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeded random and mutated input: every parser may only fail with its typed {@link XapiException}. */
class FuzzTest {

    private static final int ROUNDS = 150;
    private static final String ALPHABET = "{}[]\":,.-0123456789 \n\t\\*|/truefalsnlOKERROR=()xStatusCommandFeedbackId";

    static final List<String> JSON = List.of(
            "{\"jsonrpc\":\"2.0\",\"id\":104,\"method\":\"xGet\",\"params\":{\"Path\":[\"Status\",\"SystemUnit\",\"Hardware\",\"Monitoring\",\"Fan\",2,\"Status\"]}}",
            "{\"jsonrpc\":\"2.0\",\"id\":\"9\",\"method\":\"xCommand/Presentation/Start\",\"params\":{\"Layout\":\"Equal\",\"ConnectorId\":[2,3]}}",
            "{\"jsonrpc\":\"2.0\",\"id\":111,\"error\":{\"code\":1,\"data\":{\"Cause\":21},\"message\":\"Not paired with isdn link\"}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"xFeedback/Event\",\"params\":{\"Id\":1,\"Status\":{\"Call\":[{\"id\":1,\"ghost\":\"True\"},{\"Status\":\"Connected\",\"id\":2}]}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":113,\"method\":\"xFeedback/Subscribe\",\"params\":{\"Query\":[\"Status\",\"**\",\"Mode\"],\"NotifyCurrentValue\":true}}",
            "{\"jsonrpc\":\"2.0\",\"id\":110,\"method\":\"xSet\",\"params\":{\"Path\":[\"Configuration\",\"SystemUnit\",\"Name\"],\"Value\":\"my-device\"}}");
    static final List<String> TERMINAL_IN = List.of(
            "xCommand Presentation Start Layout: Equal ConnectorId: 2 ConnectorId: 3 SendingMode: LocalRemote | resultId=\"a\"",
            "xCommand SystemUnit SignInBanner Set\nYou need admin credentials.\nContact IT.\n.\n",
            "xConfiguration SystemUnit Name: \"my-device\"", "xStatus // DisplayName", "xFeedback Register /Status/Call[2]/Status");
    static final List<String> TERMINAL_OUT = List.of(
            "OK\n*r DialResult (status=OK):\n*r DialResult CallId: 2\n*r DialResult ConferenceId: 1\n** resultId: \"x\"\n** end\n",
            "*s SystemUnit Hardware Monitoring Fan 2 Status: \"2372 rpm\"\n*s Call 3 (ghost=True):\n** end\n\nOK\n",
            "*c xConfiguration Audio Input ARC 1 Mode: On\n*e CallDisconnect CallId: 4 CauseValue: 0\n** end\n");
    static final List<String> TERMINAL_JSON = List.of(
            "{\"Status\":{\"Audio\":{\"Volume\":{\"Value\":\"50\"}}},\"ResultId\":\"t\"}",
            "{\"CommandResponse\":{\"DialResult\":{\"status\":\"OK\",\"CallId\":{\"Value\":\"2\"}}}}",
            "{\"Status\":{\"Call\":[{\"id\":\"1000\",\"Name\":{\"Value\":\"x\"}},{\"id\":\"3\",\"ghost\":\"True\"}]}}");

    static final List<String> XML = List.of(
            "<?xml version=\"1.0\"?>\n<Status product=\"Cisco Codec\"><Call item=\"1\"><Status>Connected</Status></Call>"
                    + "<Call item=\"3\" ghost=\"True\"/></Status>\n",
            "<Command><Dial><Number>1000</Number><ConnectorId>2</ConnectorId><ConnectorId>3</ConnectorId></Dial></Command>",
            "<Configuration><SystemUnit><Name>my-device</Name></SystemUnit></Configuration>");

    static IntStream seeds() {
        return IntStream.range(0, 8);
    }

    static String mutate(String s, Random r) {
        StringBuilder b = new StringBuilder(s);
        int edits = 1 + r.nextInt(6);
        for (int i = 0; i < edits; i++) {
            int at = b.isEmpty() ? 0 : r.nextInt(b.length());
            char c = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
            switch (r.nextInt(4)) {
                case 0 -> b.insert(at, c);
                case 1 -> {
                    if (!b.isEmpty()) {
                        b.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    if (!b.isEmpty()) {
                        b.setCharAt(at, c);
                    }
                }
                default -> b.setLength(at);
            }
        }
        return b.toString();
    }

    static String random(Random r) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(80);
        for (int i = 0; i < n; i++) {
            b.append(r.nextInt(10) == 0 ? (char) r.nextInt(0x3000) : ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    private static void feed(int seed, List<String> corpus, Consumer<String> parser) {
        Random r = new Random(seed);
        int typed = 0;
        for (int i = 0; i < ROUNDS; i++) {
            String input = r.nextInt(4) == 0 ? random(r) : mutate(corpus.get(r.nextInt(corpus.size())), r);
            try {
                parser.accept(input);
            } catch (XapiException e) {
                typed++;
            } catch (RuntimeException e) {
                throw new AssertionError("untyped " + e + " for input: " + input, e);
            }
        }
        assertThat(typed).isPositive();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void webSocketJson(int seed) {
        feed(seed, JSON, text -> {
            switch (RpcCodec.parse(text)) {
                case RpcMessage.Request q -> XapiCalls.fromRequest(q.method(), q.params());
                case RpcMessage.Notification n -> XapiCalls.readFeedback(n);
                case RpcMessage.Result res -> WsJsonTree.fromJson(res.result());
                case RpcMessage.Error e -> XapiRpcException.of(e.error());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void terminalInput(int seed) {
        feed(seed, TERMINAL_IN, TerminalInput::parse);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void terminalOutput(int seed) {
        feed(seed, TERMINAL_OUT, TerminalOutput::parse);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void terminalJson(int seed) {
        feed(seed, TERMINAL_JSON, TerminalJson::parse);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void schemaFiles(int seed) {
        String small = "{\"profile\":\"p\",\"source\":\"s\",\"products\":[\"x\"],\"roles\":[\"ADMIN\"],\"nodes\":["
                + "{\"type\":\"Status\",\"path\":\"Line[n] Call[1-3] Jitter\",\"roles\":[\"ADMIN\"],\"value\":{\"type\":\"Integer\",\"min\":0,\"max\":9},\"default\":1},"
                + "{\"type\":\"Command\",\"path\":\"Call Dial\",\"roles\":[\"USER\"],\"params\":[{\"name\":\"Number\",\"required\":true,"
                + "\"value\":{\"type\":\"Literal\",\"values\":[\"A\"]}}],\"multiline\":false}]}";
        feed(seed, List.of(small), text -> DeviceSchema.parse(text).defaults());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void xapiXml(int seed) {
        feed(seed, XML, XapiXml::parse);
    }
}
