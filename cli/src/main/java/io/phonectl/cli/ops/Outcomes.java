package io.phonectl.cli.ops;

import io.phonectl.client.xsi.PushOutcome;
import io.phonectl.xsi.object.ResponseItem;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.util.Map;

/** Prints push outcomes for people (one line, then one per Execute item) and for machines (JSON). */
public final class Outcomes {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Outcomes() {
    }

    public static void print(PrintWriter out, String phone, PushOutcome o) {
        out.println(phone + ": " + o.kind() + (o instanceof PushOutcome.Executed ? "" : ": " + o.detail()));
        if (o instanceof PushOutcome.Executed ex) {
            for (ResponseItem i : ex.items()) {
                // a pushed display object answers one item without a URL
                out.println("  " + (i.url() == null || i.url().isEmpty() ? "(display object)" : i.url()) + " -> " + i.status() + " " + i.data());
            }
        }
    }

    public static ObjectNode json(String phone, PushOutcome o) {
        ObjectNode n = JSON.createObjectNode();
        n.put("phone", phone);
        n.put("outcome", o.kind().name());
        n.put("success", o.succeeded());
        n.put("detail", o.detail());
        if (o instanceof PushOutcome.Executed ex) {
            ArrayNode items = n.putArray("items");
            for (ResponseItem i : ex.items()) {
                items.addObject().put("url", i.url()).put("status", i.status()).put("data", i.data());
            }
        }
        if (o instanceof PushOutcome.MediaStarted m) {
            n.put("streamId", m.streamId());
        }
        return n;
    }

    public static String pretty(Object node) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    /** {@code name: value} lines of a page's fields, names padded to one column. */
    public static void printFields(PrintWriter out, Map<String, String> fields) {
        int w = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
        fields.forEach((k, v) -> out.println(k + " ".repeat(w - k.length()) + "  " + v));
    }
}
