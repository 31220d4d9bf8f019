package io.phonectl.xapi.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A multi-instance node (Call, Fan, Line...): instances addressed by id, not by position. In sparse feedback an
 * instance may be a ghost: the element vanished and a cache must delete it.
 */
public record Instances(List<Instance> items) implements Node {

    public record Instance(long id, Node node, boolean ghost) {
        public Instance {
            if (!ghost) {
                Objects.requireNonNull(node, "node");
            }
        }

        public static Instance of(long id, Node node) {
            return new Instance(id, node, false);
        }

        public static Instance ghostOf(long id) {
            return new Instance(id, null, true);
        }
    }

    public Instances {
        items = List.copyOf(items);
    }

    public static Instances of(Instance... items) {
        return new Instances(List.of(items));
    }

    public Optional<Instance> find(long id) {
        return items.stream().filter(i -> i.id() == id).findFirst();
    }

    /** Replaces (keeping position) or appends the instance with this id. */
    public Instances with(Instance instance) {
        List<Instance> out = new ArrayList<>(items);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).id() == instance.id()) {
                out.set(i, instance);
                return new Instances(out);
            }
        }
        out.add(instance);
        return new Instances(out);
    }

    public Instances without(long id) {
        return new Instances(items.stream().filter(i -> i.id() != id).toList());
    }
}
