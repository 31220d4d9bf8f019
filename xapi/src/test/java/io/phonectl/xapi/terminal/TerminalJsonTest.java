package io.phonectl.xapi.terminal;

import io.phonectl.xapi.XapiParseException;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.rpc.RpcCodec;
import io.phonectl.xapi.rpc.WsJsonTree;
import io.phonectl.xapi.tree.Branch;
import io.phonectl.xapi.tree.Instances;
import io.phonectl.xapi.tree.Leaf;
import io.phonectl.xapi.tree.Trees;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Terminal JSON mode, examples from the xAPI notes §2.5–2.6. */
class TerminalJsonTest {

    @Test
    void leavesAreValueWrappedStringsAndResultIdIsTopLevel() {
        Branch volume = Trees.set(Branch.EMPTY, XPath.of("Status", "Audio", "Volume"), Leaf.integer(50)).tree();
        assertThat(TerminalJson.render(volume, null)).isEqualTo("{\"Status\":{\"Audio\":{\"Volume\":{\"Value\":\"50\"}}}}");
        String tagged = TerminalJson.render(volume, "r-1");
        assertThat(tagged).isEqualTo("{\"Status\":{\"Audio\":{\"Volume\":{\"Value\":\"50\"}}},\"ResultId\":\"r-1\"}");
        TerminalAnswer a = TerminalJson.parse(tagged);
        assertThat(a.documents()).isEqualTo(volume);
        assertThat(a.tag()).contains("r-1");
    }

    @Test
    void instancesCarryStringIdsFirstAndParseBackToTheWebSocketShape() {
        Branch calls = Branch.of("Status", Branch.of("Call", Instances.of(
                Instances.Instance.of(1000, Branch.of("Name", Leaf.string("x"))), Instances.Instance.ghostOf(3))));
        String text = TerminalJson.render(calls, null);
        assertThat(text).isEqualTo("{\"Status\":{\"Call\":[{\"id\":\"1000\",\"Name\":{\"Value\":\"x\"}},{\"id\":\"3\",\"ghost\":\"True\"}]}}");
        assertThat(WsJsonTree.toJson(TerminalJson.parse(text).documents())).isEqualTo(RpcCodec.readTree(
                "{\"Status\":{\"Call\":[{\"Name\":\"x\",\"id\":1000},{\"id\":3,\"ghost\":\"True\"}]}}"));
    }

    @Test
    void eventsAndCommandResults() {
        Branch event = Branch.of("Event", Branch.of("PresentationPreviewStarted", Branch.of("LocalInstance", Leaf.integer(1))));
        assertThat(TerminalJson.render(event, null))
                .isEqualTo("{\"Event\":{\"PresentationPreviewStarted\":{\"LocalInstance\":{\"Value\":\"1\"}}}}");
        String dial = TerminalJson.commandResponse(XPath.of("Dial"), "OK",
                Branch.of("CallId", Leaf.integer(2), "ConferenceId", Leaf.integer(1)), "abc");
        assertThat(dial).isEqualTo("{\"CommandResponse\":{\"DialResult\":{\"status\":\"OK\",\"CallId\":{\"Value\":\"2\"},"
                + "\"ConferenceId\":{\"Value\":\"1\"}}},\"ResultId\":\"abc\"}");
        TerminalAnswer a = TerminalJson.parse(dial);
        assertThat(a.resultName()).isEqualTo("DialResult");
        assertThat(a.commandStatus()).contains("OK");
        assertThat(a.result()).isEqualTo(Branch.of("CallId", Leaf.integer(2), "ConferenceId", Leaf.integer(1)));
    }

    @Test
    void unknownCommandHasTheDevicesShape() {
        assertThat(TerminalJson.commandError(XPath.of("Dila"), "Error", "Unknown command", null)).isEqualTo(
                "{\"CommandResponse\":{\"Result\":{\"status\":\"Error\",\"Reason\":{\"Value\":\"Unknown command\"},"
                        + "\"XPath\":{\"Value\":\"/Dila\"}}}}");
        assertThat(TerminalText.commandError(XPath.of("Dila"), "Error", "Unknown command", null)).isEqualTo(
                "ERROR\n*r DilaResult (status=Error):\n*r DilaResult Reason: \"Unknown command\"\n** end\n");
    }

    @Test
    void malformedDocumentsAreTypedErrors() {
        assertThatThrownBy(() -> TerminalJson.parse("{\"Status\":{\"Call\":[{\"id\":1}]}}")).isInstanceOf(XapiParseException.class);
        assertThatThrownBy(() -> TerminalJson.parse("[]")).isInstanceOf(XapiParseException.class);
        assertThatThrownBy(() -> TerminalJson.parse("{\"Status\":")).isInstanceOf(XapiParseException.class)
                .hasMessageStartingWith("terminal JSON");
    }
}
