package io.phonectl.sim.xapi;

import io.phonectl.xapi.XapiException;
import io.phonectl.xapi.XapiParseException;
import io.phonectl.xapi.XapiRpcException;
import io.phonectl.xapi.call.XapiCall;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.rpc.WsJsonTree;
import io.phonectl.xapi.schema.Role;
import io.phonectl.xapi.terminal.TerminalInput;
import io.phonectl.xapi.terminal.TerminalRequest;
import io.phonectl.xapi.terminal.TerminalText;
import io.phonectl.xapi.tree.Branch;
import io.phonectl.xapi.tree.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The terminal (SSH/serial) command language against one device, without the SSH transport: one request in
 * (e.g. {@code xStatus SystemUnit Uptime}, or a multi-line command ending with a {@code .} line), its answer out,
 * parsed and rendered by the protocol core's terminal codecs and executed by the same dispatcher as WebSocket calls.
 * Feedback registration answers OK but delivers nothing here: there is no session to deliver to.
 */
final class TerminalFront {
    private final SimulatedXapiDevice device;
    private final RpcDispatcher dispatcher;

    TerminalFront(SimulatedXapiDevice device) {
        this.device = device;
        this.dispatcher = new RpcDispatcher(device);
    }

    String execute(String input, Role role) {
        TerminalRequest req;
        try {
            req = TerminalInput.parse(input);
        } catch (XapiParseException e) {
            return "Command not recognized.\n"; // what devices print (notes §2.5)
        }
        String tag = req.resultId();
        XapiCall call = req.call();
        try {
            return switch (call) {
                case XapiCall.Get g -> read(g.path(), role, tag);
                case XapiCall.Query q -> read(q.query(), role, tag);
                case XapiCall.Set s -> {
                    dispatcher.call(s, role);
                    yield TerminalText.okResponse(tag);
                }
                case XapiCall.Command c -> command(c, role, tag);
                case XapiCall.Subscribe s -> TerminalText.okResponse(tag);
                case XapiCall.Deregister d -> TerminalText.okResponse(tag);
                case XapiCall.Unsubscribe u -> TerminalText.okResponse(tag);
            };
        } catch (XapiRpcException e) {
            if (call instanceof XapiCall.Command c) {
                return TerminalText.commandError(c.command(), "Error", e.error().message(), tag);
            }
            return "ERROR\n" + TerminalText.END;
        } catch (XapiException e) {
            return "ERROR\n" + TerminalText.END;
        }
    }

    private String read(XPath path, Role role, String tag) {
        if (!path.hasWildcard()) dispatcher.call(new XapiCall.Get(path), role); // role and existence checks
        Branch rooted = device.state().query(path).orElse(Branch.EMPTY);
        return TerminalText.readResponse(rooted, tag);
    }

    private String command(XapiCall.Command c, Role role, String tag) {
        JsonNode result = dispatcher.call(c, role);
        ObjectNode body = result instanceof ObjectNode o ? o.deepCopy() : DeviceState.NODES.objectNode();
        body.remove("status");
        Node typed = Kinds.apply(device.product().schema(), XPath.of("Command").append("Result"),
                WsJsonTree.fromJson(body));
        return TerminalText.commandResponse(c.command(), typed, tag);
    }
}
