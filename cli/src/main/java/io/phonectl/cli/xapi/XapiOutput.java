package io.phonectl.cli.xapi;

import io.phonectl.cli.console.Printable;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.rpc.GuideStyle;
import io.phonectl.xapi.rpc.RpcCodec;
import io.phonectl.xapi.rpc.WsJsonTree;
import io.phonectl.xapi.schema.DeviceSchema;
import io.phonectl.xapi.terminal.TerminalText;
import io.phonectl.xapi.tree.Branch;
import io.phonectl.xapi.tree.Node;
import io.phonectl.xapi.tree.Trees;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

import java.io.PrintWriter;

/**
 * How xAPI answers are printed: the device's JSON laid out as the API guide prints it (default), compact JSON for
 * machines ({@code --json}), or terminal text ({@code *s …}, {@code *r …}, {@code ** end}) as an SSH session shows it
 * ({@code --terminal}). Rendering is the protocol core's; nothing is formatted here.
 */
public final class XapiOutput {

    @Option(names = "--json", description = "Compact JSON (one line per answer or feedback event).")
    boolean json;

    @Option(names = "--terminal", description = "Terminal text, as xStatus/xCommand print over SSH.")
    boolean terminal;

    /** An answer rooted at a document (query results, getxml answers, feedback). */
    void rooted(PrintWriter out, JsonNode answer, DeviceSchema schema) {
        if (terminal) {
            Node tree = schema.coerce(XPath.of(), WsJsonTree.fromJson(answer));
            out.print(Printable.lines(tree instanceof Branch b ? TerminalText.readResponse(b, null) : String.valueOf(answer)));
            out.flush();
        } else {
            plain(out, answer);
        }
    }

    /** An xGet answer: the value relative to {@code path}. */
    void at(PrintWriter out, XPath path, JsonNode answer, DeviceSchema schema) {
        if (terminal) {
            // the device answers relative to the path, so its canonical casing comes from the schema where it knows it
            XPath canonical = schema.lookup(path).map(DeviceSchema.Match::path).orElse(path);
            Branch rooted = Trees.set(Branch.EMPTY, canonical, schema.coerce(canonical, WsJsonTree.fromJson(answer))).tree();
            out.print(Printable.lines(TerminalText.readResponse(rooted, null)));
            out.flush();
        } else {
            plain(out, answer);
        }
    }

    void command(PrintWriter out, XPath command, JsonNode result) {
        if (terminal) {
            out.print(Printable.lines(TerminalText.commandResponse(command, WsJsonTree.fromJson(result), null)));
            out.flush();
        } else {
            plain(out, result);
        }
    }

    void ok(PrintWriter out) {
        if (terminal) {
            out.print(TerminalText.okResponse(null));
            out.flush();
        } else {
            plain(out, RpcCodec.nodes().booleanNode(true));
        }
    }

    void feedback(PrintWriter out, Branch sparse, JsonNode asJson) {
        if (terminal) {
            out.print(Printable.lines(TerminalText.feedback(sparse)));
            out.flush();
        } else {
            plain(out, asJson);
        }
    }

    private void plain(PrintWriter out, JsonNode node) {
        // the device's values: escaped in the text form (JSON escapes control characters itself)
        out.println(json ? RpcCodec.mapper().writeValueAsString(node) : Printable.lines(GuideStyle.render(node)));
    }
}
