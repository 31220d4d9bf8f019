package io.phonectl.xapi.schema;

import io.phonectl.xapi.XapiParseException;
import io.phonectl.xapi.XapiValidationException;
import io.phonectl.xapi.call.XapiCall;
import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.tree.Branch;
import io.phonectl.xapi.tree.Instances;
import io.phonectl.xapi.tree.Node;
import io.phonectl.xapi.tree.Leaf;
import io.phonectl.xapi.tree.Trees;
import io.phonectl.xsi.Violation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A device's xAPI schema, loaded from a JSON data file: lookup by path ignoring case, validation of sets and
 * commands naming path, value, rule and source, and a default value tree for a simulator. Immutable.
 */
public final class DeviceSchema {

    private final String profile;
    private final String source;
    private final List<String> products;
    private final List<SchemaNode> nodes;

    DeviceSchema(String profile, String source, List<String> products, List<SchemaNode> nodes) {
        this.profile = profile;
        this.source = source;
        this.products = List.copyOf(products);
        this.nodes = List.copyOf(nodes);
    }

    /** Cisco 8875 / 9800-series phones, PhoneOS 3.5 and 3.6 (seeds/002). */
    public static DeviceSchema phoneOs() {
        return resource("phoneos.json");
    }

    /** RoomOS/CE video devices, the nodes of the WebSocket guide's examples (seeds/004) and notes. */
    public static DeviceSchema roomOs() {
        return resource("roomos.json");
    }

    public static DeviceSchema parse(String json) {
        return SchemaReader.read(json);
    }

    private static DeviceSchema resource(String name) {
        try (InputStream in = DeviceSchema.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new XapiParseException(SchemaReader.FORMAT, "missing resource " + name);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String profile() {
        return profile;
    }

    public String source() {
        return source;
    }

    public List<String> products() {
        return products;
    }

    public List<SchemaNode> nodes() {
        return nodes;
    }

    /** A match: the item and the concrete path in canonical casing. */
    public record Match(SchemaNode node, XPath path) {
    }

    /**
     * The item at a full path whose first segment is the document ({@code Status}, {@code Configuration},
     * {@code Command}, {@code Event}); instance ids are required where the item is multi-instance.
     */
    public Optional<Match> lookup(XPath full) {
        if (full.isEmpty() || !(full.segment(0) instanceof String root)) {
            return Optional.empty();
        }
        XPath rest = full.tail();
        for (SchemaNode n : nodes) {
            if (n.type().name().equalsIgnoreCase(root)) {
                Optional<XPath> m = n.path().match(rest, false);
                if (m.isPresent()) {
                    return Optional.of(new Match(n, new XPath(prepend(n.type().name(), m.get()))));
                }
            }
        }
        return Optional.empty();
    }

    /** True when the path names an item or an ancestor of items (a container such as {@code Status SystemUnit}). */
    public boolean exists(XPath full) {
        if (lookup(full).isPresent()) {
            return true;
        }
        if (full.size() == 1 && full.segment(0) instanceof String root) {
            return nodes.stream().anyMatch(n -> n.type().name().equalsIgnoreCase(root));
        }
        XPath rest = full.tail();
        return nodes.stream().anyMatch(n -> n.type().name().equalsIgnoreCase(String.valueOf(full.segment(0)))
                && n.path().hasPrefix(rest));
    }

    private static List<Object> prepend(String root, XPath path) {
        List<Object> out = new ArrayList<>();
        out.add(root);
        out.addAll(path.segments());
        return out;
    }

    /** Checks an xSet: a Configuration leaf, the role may write it, the value fits. Answers the canonical value. */
    public Leaf validateSet(XPath path, Leaf value, Role role) {
        Match m = lookup(path).filter(x -> x.node().type() == NodeType.Configuration && !x.node().isContainer())
                .orElseThrow(() -> XapiValidationException.of(path.words(), value.text(),
                        "is not a configuration of " + profile, source));
        requireRole(m, role);
        m.node().value().broken(value).ifPresent(rule -> {
            throw XapiValidationException.of(m.path().words(), value.text(), rule, source);
        });
        return m.node().value().coerce(value);
    }

    /** Checks a read (xGet/xQuery/feedback) of a Status or Configuration item by role. */
    public void validateRead(XPath path, Role role) {
        lookup(path).ifPresentOrElse(m -> requireRole(m, role), () -> {
            if (!exists(path)) {
                throw XapiValidationException.of(path.words(), null, "no such node in " + profile, source);
            }
        });
    }

    /**
     * Checks a command: it exists, the role may run it, every required parameter is present, no unknown or
     * over-repeated parameter, every value fits, and a body is given exactly when the command is multi-line.
     * Answers the command with canonical names and typed values. Lists every violation.
     */
    public XapiCall.Command validateCommand(XapiCall.Command command, Role role) {
        XPath full = new XPath(prepend(NodeType.Command.name(), command.command()));
        Match m = lookup(full).orElseThrow(() -> XapiValidationException.of(command.command().words(), null,
                "is not a command of " + profile, source));
        requireRole(m, role);
        SchemaNode node = m.node();
        String where = m.path().tail().words();
        List<Violation> violations = new ArrayList<>();
        Map<String, List<Leaf>> typed = new java.util.LinkedHashMap<>();
        command.params().forEach((name, values) -> {
            Optional<Param> p = node.param(name);
            if (p.isEmpty()) {
                violations.add(Violation.of(where + " " + name, values, "is not a parameter", source));
                return;
            }
            if (values.size() > p.get().multiple()) {
                violations.add(Violation.of(where + " " + p.get().name(), values.size() + " values",
                        "takes at most " + p.get().multiple(), source));
            }
            List<Leaf> out = new ArrayList<>();
            for (Leaf v : values) {
                Optional<String> broken = p.get().value().broken(v);
                broken.ifPresent(rule -> violations.add(Violation.of(where + " " + p.get().name(), v.text(), rule, source)));
                out.add(broken.isPresent() ? v : p.get().value().coerce(v));
            }
            typed.put(p.get().name(), out);
        });
        for (Param p : node.params()) {
            if (p.required() && typed.keySet().stream().noneMatch(k -> k.equalsIgnoreCase(p.name()))
                    && command.params().keySet().stream().noneMatch(k -> k.equalsIgnoreCase(p.name()))) {
                violations.add(Violation.of(where + " " + p.name(), null, "is required", source));
            }
        }
        if (node.multiline() && command.body() == null) {
            violations.add(Violation.of(where + " body", null, "is required: a multi-line command", source));
        }
        if (!node.multiline() && command.body() != null) {
            violations.add(Violation.of(where + " body", command.body(), "is not allowed: not a multi-line command", source));
        }
        if (!violations.isEmpty()) {
            throw new XapiValidationException(violations);
        }
        return new XapiCall.Command(m.path().tail(), typed, command.body());
    }

    private void requireRole(Match m, Role role) {
        if (!m.node().roles().contains(role)) {
            throw XapiValidationException.of(m.path().words(), role, "needs role " + m.node().roles(), source);
        }
    }

    /**
     * Gives every leaf under {@code at} the kind and canonical casing of its schema item, so values read from
     * WebSocket or terminal JSON (which cannot tell literals from strings) render correctly as terminal text.
     * Leaves without an item, or whose value does not fit, are kept as they are.
     */
    public Node coerce(XPath at, Node node) {
        return switch (node) {
            case Leaf leaf -> lookup(at).map(Match::node).filter(n -> n.value() != null
                    && n.value().broken(leaf).isEmpty()).map(n -> (Node) n.value().coerce(leaf)).orElse(leaf);
            case Branch b -> {
                Map<String, Node> out = new java.util.LinkedHashMap<>();
                b.children().forEach((k, v) -> out.put(k, coerce(at.size() < XPath.MAX_SEGMENTS ? at.append(k) : at, v)));
                yield new Branch(out);
            }
            case Instances inst -> new Instances(inst.items().stream().map(i -> i.ghost() ? i
                    : Instances.Instance.of(i.id(), coerce(at.size() < XPath.MAX_SEGMENTS
                            ? at.append((int) Math.min(i.id(), Integer.MAX_VALUE)) : at, i.node()))).toList());
        };
    }

    /** The default tree (Status and Configuration) with the first instance of every multi-instance node. */
    public Branch defaults() {
        Branch tree = Branch.EMPTY;
        for (SchemaNode n : nodes) {
            if (n.defaultValue() != null && (n.type() == NodeType.Status || n.type() == NodeType.Configuration)) {
                tree = Trees.set(tree, new XPath(prepend(n.type().name(), n.path().firstInstance())), n.defaultValue()).tree();
            }
        }
        return tree;
    }
}
