package io.phonectl.xapi.rpc;

import tools.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Pretty JSON laid out exactly as the WebSocket guide prints its examples: one member per line, level n indented by
 * n tabs and n spaces, {@code "key": value}, arrays on one line with {@code ", "}. For logs, docs and a simulator's
 * human mode; the wire format is {@link RpcCodec#render}'s compact JSON.
 */
public final class GuideStyle {

    private GuideStyle() {
    }

    public static String render(RpcMessage message) {
        return render(RpcCodec.toJson(message));
    }

    /** Keeps the member order of the given tree. */
    public static String render(JsonNode node) {
        StringBuilder b = new StringBuilder();
        write(b, node, 0);
        return b.toString();
    }

    private static void write(StringBuilder b, JsonNode node, int level) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                indent(b, level + 1);
                b.append(RpcCodec.mapper().writeValueAsString(e.getKey())).append(": ");
                write(b, e.getValue(), level + 1);
                b.append(it.hasNext() ? ",\n" : "\n");
            }
            indent(b, level);
            b.append('}');
        } else if (node.isArray()) {
            b.append('[');
            for (int i = 0; i < node.size(); i++) {
                b.append(i == 0 ? "" : ", ");
                write(b, node.get(i), level);
            }
            b.append(']');
        } else {
            b.append(RpcCodec.mapper().writeValueAsString(node));
        }
    }

    private static void indent(StringBuilder b, int level) {
        b.append("\t".repeat(level)).append(" ".repeat(level));
    }
}
