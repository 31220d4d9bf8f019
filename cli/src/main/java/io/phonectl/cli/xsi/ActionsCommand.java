package io.phonectl.cli.xsi;

import io.phonectl.cli.exit.ExitCode;
import io.phonectl.xsi.action.ActionCatalog;
import io.phonectl.xsi.action.ActionKind;
import io.phonectl.xsi.action.ActionSpec;
import io.phonectl.xsi.action.Allowed;
import io.phonectl.xsi.action.ParamSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code phonectl xsi actions}: the catalog, one action per line or as JSON. */
@Command(name = "actions", mixinStandardHelpOptions = true,
        description = "List the control spec's actions with their parameters.")
final class ActionsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--kind", paramLabel = "action|query", description = "Only actions of this kind.")
    String kind;

    @Option(names = "--json", description = "JSON array instead of one line per action.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<ActionSpec> actions;
        if (kind == null) {
            actions = ActionCatalog.standard().actions();
        } else if (kind.equals("action") || kind.equals("query")) {
            actions = ActionCatalog.standard().actions(ActionKind.valueOf(kind.toUpperCase(Locale.ROOT)));
        } else {
            throw new ParameterException(spec.commandLine(), "--kind = \"" + kind + "\": one of action, query");
        }
        if (json) {
            JsonMapper mapper = JsonMapper.builder().build();
            ArrayNode array = mapper.createArrayNode();
            actions.forEach(a -> array.add(toJson(mapper, a)));
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array));
        } else {
            actions.forEach(a -> out.println(line(a)));
        }
        return ExitCode.OK;
    }

    /** {@code key_line  action  Key:Line{n}  n:integer 1..120 required}. */
    static String line(ActionSpec a) {
        StringBuilder sb = new StringBuilder(String.format("%-32s %-6s %s", a.id(), a.kind().spelling(), a.sends()));
        for (ParamSpec p : a.params()) {
            sb.append("  ").append(p.name()).append(':').append(p.type().spelling());
            String allowed = p.allowed().describe();
            if (!allowed.isEmpty()) {
                sb.append(' ').append(allowed.length() > 40 ? allowed.substring(0, 37) + "..." : allowed);
            }
            p.defaultValue().ifPresent(d -> sb.append(" default=").append(d));
            if (!p.required()) {
                sb.append(" optional");
            }
        }
        return sb.toString();
    }

    private static ObjectNode toJson(JsonMapper mapper, ActionSpec a) {
        ObjectNode o = mapper.createObjectNode();
        o.put("id", a.id());
        o.put("kind", a.kind().spelling());
        o.put("label", a.label());
        o.put("sends", a.sends());
        ArrayNode params = o.putArray("params");
        for (ParamSpec p : a.params()) {
            ObjectNode n = params.addObject();
            n.put("name", p.name());
            n.put("type", p.type().spelling());
            switch (p.allowed()) {
                case Allowed.Range r -> n.putObject("range").put("min", r.min()).put("max", r.max());
                case Allowed.Values v -> v.values().forEach(n.putArray("values")::add);
                case Allowed.Any any -> {
                }
            }
            p.defaultValue().ifPresent(d -> n.put("default", d));
            p.example().ifPresent(e -> n.put("example", e));
            n.put("required", p.required());
            n.put("origin", p.origin().name().toLowerCase(Locale.ROOT));
            n.put("checkedByCatalog", p.checked());
            n.put("description", p.description());
        }
        return o;
    }
}
