package io.phonectl.server.console;

import io.phonectl.server.device.Device;
import io.phonectl.server.device.DeviceKind;
import io.phonectl.server.http.ApiException;
import io.phonectl.server.job.DeviceOperations;
import io.phonectl.server.live.LiveConnections;
import io.phonectl.server.job.JobActions;
import io.phonectl.xapi.schema.DeviceSchema;
import io.phonectl.xapi.schema.NodeType;
import io.phonectl.xapi.schema.Param;
import io.phonectl.xapi.schema.SchemaNode;
import io.phonectl.xapi.schema.ValueSpace;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.StringNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The xAPI part of a RoomOS or PhoneOS device's page: its mirrored status as a tree (what the live connection keeps,
 * {@link LiveConnections#view}), a command form generated from the device's xAPI schema (every command with its
 * parameters' value spaces; sent at once through {@link DeviceOperations#action} as action {@code xapi_command},
 * over the live link when there is one), and the outcome of the last command.
 *
 * @param connected null when this service never had a live state for it
 * @param detail    why there is no live connection (from the live connection), or why the state is not known
 */
public record XapiPanel(Boolean connected, String detail, List<TreeNode> status, List<String> commands, String command,
                        List<Field> fields, DeviceOperations.ActionOutcome outcome, String error) {

    /** One node of the status tree: a leaf has a value, a branch children. */
    public record TreeNode(String key, String value, List<TreeNode> children) {
    }

    /** One parameter input; {@code input} is select, number or text. */
    public record Field(String name, String input, boolean required, Long min, Long max, List<String> values,
                        String value) {
        public String id() {
            return "x-" + name;
        }
    }

    /** Commands in the form, for the picker: at most this many (the schemas hold fewer). */
    static final int MAX_COMMANDS = 2000;

    static XapiPanel of(LiveConnections live, Device d, String command, Map<String, String> values,
                        DeviceOperations.ActionOutcome outcome, String error) {
        if (d.kind() == DeviceKind.XSI) {
            return null;
        }
        DeviceSchema schema = d.kind() == DeviceKind.ROOMOS ? DeviceSchema.roomOs() : DeviceSchema.phoneOs();
        Boolean connected = null;
        String detail;
        List<TreeNode> tree = List.of();
        try {
            LiveConnections.Live l = live.view(d.id());
            connected = l.connected();
            detail = l.detail();
            tree = l.status() == null ? List.of() : children(l.status());
        } catch (ApiException.NotFound e) {
            detail = "no live state yet: the service connects to xAPI devices that have a credential set";
        }
        List<String> commands = new ArrayList<>();
        SchemaNode chosen = null;
        for (SchemaNode n : schema.nodes()) {
            if (n.type() == NodeType.Command && !n.path().text().contains("[") && commands.size() < MAX_COMMANDS) {
                String words = words(n);
                commands.add(words);
                if (words.equalsIgnoreCase(command == null ? "" : command.strip())) {
                    chosen = n;
                }
            }
        }
        List<Field> fields = new ArrayList<>();
        if (chosen != null) {
            for (Param p : chosen.params()) {
                fields.add(field(p, values.get(p.name())));
            }
        }
        return new XapiPanel(connected, detail, tree, commands, chosen == null ? null : words(chosen), fields, outcome,
                error);
    }

    /** The command's path in words without its root, as the API's {@code params.command} takes it. */
    private static String words(SchemaNode n) {
        String t = n.path().text();
        return t.startsWith("Command ") ? t.substring("Command ".length()) : t;
    }

    private static Field field(Param p, String value) {
        ValueSpace v = p.value();
        String dflt = p.defaultValue() == null ? "" : p.defaultValue().text();
        String shown = value != null ? value : dflt;
        return switch (v.type()) {
            case Literal -> new Field(p.name(), "select", p.required(), null, null, v.values(), shown);
            case Integer -> new Field(p.name(), "number", p.required(), v.min(), v.max(), List.of(), shown);
            case String -> new Field(p.name(), "text", p.required(), v.min(), v.max(), List.of(), shown);
        };
    }

    /** The request the form makes: integers typed as numbers, blank values left out (the device's defaults). */
    static DeviceOperations.ActionRequest request(String command, Map<String, String> values) {
        Map<String, JsonNode> params = new LinkedHashMap<>();
        params.put("command", StringNode.valueOf(command == null ? "" : command));
        values.forEach((k, v) -> {
            if (!v.isBlank()) {
                params.put(k, v.strip().matches("-?\\d{1,18}") ? LongNode.valueOf(Long.parseLong(v.strip()))
                        : StringNode.valueOf(v));
            }
        });
        return new DeviceOperations.ActionRequest(JobActions.XAPI_COMMAND, params, null, null);
    }

    private static List<TreeNode> children(JsonNode node) {
        List<TreeNode> out = new ArrayList<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.add(tree(e.getKey(), e.getValue()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(tree("[" + (i + 1) + "]", node.get(i)));
            }
        }
        return out;
    }

    private static TreeNode tree(String key, JsonNode v) {
        if (v.isContainer()) {
            return new TreeNode(key, null, children(v));
        }
        return new TreeNode(key, v.isNull() ? "" : v.asString(), List.of());
    }
}
