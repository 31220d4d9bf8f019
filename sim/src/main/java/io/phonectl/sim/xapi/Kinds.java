package io.phonectl.sim.xapi;

import io.phonectl.xapi.path.XPath;
import io.phonectl.xapi.schema.DeviceSchema;
import io.phonectl.xapi.schema.ValueSpace;
import io.phonectl.xapi.tree.Branch;
import io.phonectl.xapi.tree.Instances;
import io.phonectl.xapi.tree.Leaf;
import io.phonectl.xapi.tree.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON cannot tell a literal ({@code On}, {@code LAN}) from a string, but terminal text prints one bare and the other
 * quoted; the schema knows. Re-types string leaves whose schema value space is Literal.
 */
final class Kinds {
    private Kinds() {}

    static Node apply(DeviceSchema schema, XPath at, Node node) {
        return switch (node) {
            case Leaf l when l.kind() == Leaf.Kind.STRING -> schema.lookup(at)
                    .filter(m -> m.node().value() != null && m.node().value().type() == ValueSpace.Type.Literal)
                    .<Node>map(m -> Leaf.literal(l.text())).orElse(l);
            case Leaf l -> l;
            case Branch b -> {
                Map<String, Node> out = new LinkedHashMap<>();
                b.children().forEach((k, v) -> out.put(k, apply(schema, at.append(k), v)));
                yield new Branch(out);
            }
            case Instances inst -> {
                List<Instances.Instance> out = new ArrayList<>();
                for (Instances.Instance i : inst.items()) {
                    out.add(i.ghost() ? i : Instances.Instance.of(i.id(), apply(schema, at.append((int) i.id()), i.node())));
                }
                yield new Instances(out);
            }
        };
    }
}
