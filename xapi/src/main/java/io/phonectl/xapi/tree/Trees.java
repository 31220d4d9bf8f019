package io.phonectl.xapi.tree;

import io.phonectl.xapi.XapiSources;
import io.phonectl.xapi.XapiValidationException;
import io.phonectl.xapi.path.XPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Operations on a device tree whose root holds the documents ({@code Status}, {@code Configuration}, ...).
 * Paths match case-insensitively; results carry the tree's canonical casing.
 */
public final class Trees {

    private Trees() {
    }

    /** A node found by {@link #get}, with the path in canonical casing. */
    public record Found(XPath path, Node node) {
    }

    /** The tree after a change and the sparse feedback it causes (empty when nothing changed). */
    public record Change(Branch tree, Optional<Branch> feedback) {
    }

    /** xGet: the node at an exact path (no wildcards). */
    public static Optional<Found> get(Branch root, XPath path) {
        if (path.hasWildcard()) {
            throw XapiValidationException.of("Path", path, "xGet takes no \"**\" wildcard (use xQuery)",
                    XapiSources.WEBSOCKET_GUIDE);
        }
        Node at = root;
        List<Object> canonical = new ArrayList<>();
        for (Object seg : path.segments()) {
            Optional<Node> next = Optional.empty();
            if (at instanceof Branch b && seg instanceof String name) {
                Optional<String> c = b.canonical(name);
                if (c.isPresent()) {
                    canonical.add(c.get());
                    next = b.child(c.get());
                }
            } else if (at instanceof Instances inst && seg instanceof Integer id) {
                canonical.add(id);
                next = inst.find(id).filter(i -> !i.ghost()).map(Instances.Instance::node);
            }
            if (next.isEmpty()) {
                return Optional.empty();
            }
            at = next.get();
        }
        return Optional.of(new Found(new XPath(canonical), at));
    }

    /**
     * xQuery: a sparse tree rooted like {@code root} holding every match. {@code **} matches zero or more levels;
     * a name where instances stand applies to every instance (indices may be omitted).
     */
    public static Optional<Branch> query(Branch root, XPath query) {
        return match(root, query.segments(), 0).map(n -> (Branch) n);
    }

    private static Optional<Node> match(Node node, List<Object> segs, int i) {
        if (i == segs.size()) {
            return Optional.of(node);
        }
        Object seg = segs.get(i);
        return switch (node) {
            case Leaf leaf -> XPath.WILDCARD.equals(seg) && i + 1 == segs.size() ? Optional.of(leaf) : Optional.empty();
            case Instances inst -> {
                List<Instances.Instance> hits = new ArrayList<>();
                for (Instances.Instance item : inst.items()) {
                    if (item.ghost()) {
                        // a vanished instance under a selected array stays visible so subscribers can delete it
                        if (!(seg instanceof Integer id) || id == item.id()) {
                            hits.add(item);
                        }
                        continue;
                    }
                    Optional<Node> m = seg instanceof Integer id
                            ? (id == item.id() ? match(item.node(), segs, i + 1) : Optional.empty())
                            : match(item.node(), segs, i);
                    m.ifPresent(n -> hits.add(Instances.Instance.of(item.id(), n)));
                }
                yield hits.isEmpty() ? Optional.empty() : Optional.of(new Instances(hits));
            }
            case Branch b -> {
                if (XPath.WILDCARD.equals(seg)) {
                    Optional<Node> acc = match(b, segs, i + 1);
                    for (Map.Entry<String, Node> e : b.children().entrySet()) {
                        Optional<Node> deeper = match(e.getValue(), segs, i);
                        if (deeper.isPresent()) {
                            Node wrapped = Branch.of(e.getKey(), deeper.get());
                            acc = Optional.of(acc.map(a -> union(a, wrapped)).orElse(wrapped));
                        }
                    }
                    yield acc;
                }
                if (!(seg instanceof String name)) {
                    yield Optional.empty();
                }
                yield b.canonical(name).flatMap(c -> match(b.children().get(c), segs, i + 1)
                        .map(m -> (Node) Branch.of(c, m)));
            }
        };
    }

    /** Sets (or creates) the node at an exact path; feedback is the sparse difference. */
    public static Change set(Branch root, XPath path, Node value) {
        if (path.isEmpty() || path.hasWildcard()) {
            throw XapiValidationException.of("Path", path, "a set needs a non-empty path without \"**\"",
                    XapiSources.WEBSOCKET_GUIDE);
        }
        Branch after = (Branch) put(root, path.segments(), 0, value);
        return new Change(after, diff(root, after).map(n -> (Branch) n));
    }

    /** Removes the node at an exact path; a removed instance appears as a ghost in the feedback. */
    public static Change remove(Branch root, XPath path) {
        if (get(root, path).isEmpty()) {
            return new Change(root, Optional.empty());
        }
        Branch after = (Branch) drop(root, path.segments(), 0);
        return new Change(after, diff(root, after).map(n -> (Branch) n));
    }

    private static Node put(Node at, List<Object> segs, int i, Node value) {
        if (i == segs.size()) {
            return value;
        }
        Object seg = segs.get(i);
        if (seg instanceof Integer id) {
            Instances inst = at instanceof Instances x ? x : new Instances(List.of());
            Node child = inst.find(id).filter(x -> !x.ghost()).map(Instances.Instance::node).orElse(Branch.EMPTY);
            return inst.with(Instances.Instance.of(id, put(child, segs, i + 1, value)));
        }
        String name = (String) seg;
        Branch b = at instanceof Branch x ? x : Branch.EMPTY;
        Node child = b.child(name).orElse(Branch.EMPTY);
        return b.with(name, put(child, segs, i + 1, value));
    }

    private static Node drop(Node at, List<Object> segs, int i) {
        Object seg = segs.get(i);
        boolean last = i == segs.size() - 1;
        if (at instanceof Instances inst && seg instanceof Integer id) {
            Instances.Instance item = inst.find(id).orElseThrow();
            return last ? inst.without(id) : inst.with(Instances.Instance.of(id, drop(item.node(), segs, i + 1)));
        }
        Branch b = (Branch) at;
        String name = (String) seg;
        return last ? b.without(name) : b.with(name, drop(b.child(name).orElseThrow(), segs, i + 1));
    }

    /**
     * The sparse feedback turning {@code before} into {@code after}: changed and new leaves, ghosts for vanished
     * instances. Removed named children have no representation in xAPI feedback and are not reported.
     */
    public static Optional<Node> diff(Node before, Node after) {
        if (before == null) {
            return Optional.of(after);
        }
        if (after instanceof Branch a && before instanceof Branch b) {
            Branch out = Branch.EMPTY;
            for (Map.Entry<String, Node> e : a.children().entrySet()) {
                Optional<Node> d = diff(b.children().get(e.getKey()), e.getValue());
                if (d.isPresent()) {
                    out = out.with(e.getKey(), d.get());
                }
            }
            return out.isEmpty() ? Optional.empty() : Optional.of(out);
        }
        if (after instanceof Instances a && before instanceof Instances b) {
            List<Instances.Instance> out = new ArrayList<>();
            for (Instances.Instance item : a.items()) {
                Node old = b.find(item.id()).filter(x -> !x.ghost()).map(Instances.Instance::node).orElse(null);
                diff(old, item.node()).ifPresent(d -> out.add(Instances.Instance.of(item.id(), d)));
            }
            for (Instances.Instance item : b.items()) {
                if (a.find(item.id()).isEmpty()) {
                    out.add(Instances.Instance.ghostOf(item.id()));
                }
            }
            return out.isEmpty() ? Optional.empty() : Optional.of(new Instances(out));
        }
        return before.equals(after) ? Optional.empty() : Optional.of(after);
    }

    /**
     * Applies sparse feedback to a cache (or unions two sparse trees): leaves replace, branches and instances
     * merge, ghosts delete. Names of the overlay are matched ignoring case.
     */
    public static Node merge(Node base, Node overlay) {
        return overlay(base, overlay, false);
    }

    /** Like {@link #merge} but ghosts are kept, as the union of two sparse feedback trees must. */
    public static Node union(Node a, Node b) {
        return overlay(a, b, true);
    }

    private static Node overlay(Node base, Node overlay, boolean keepGhosts) {
        if (base instanceof Branch b && overlay instanceof Branch o) {
            Branch out = b;
            for (Map.Entry<String, Node> e : o.children().entrySet()) {
                Optional<Node> old = out.child(e.getKey());
                out = out.with(e.getKey(), old.map(n -> overlay(n, e.getValue(), keepGhosts)).orElse(e.getValue()));
            }
            return out;
        }
        if (base instanceof Instances b && overlay instanceof Instances o) {
            Instances out = b;
            for (Instances.Instance item : o.items()) {
                if (item.ghost()) {
                    out = keepGhosts ? out.with(item) : out.without(item.id());
                    continue;
                }
                Optional<Instances.Instance> old = out.find(item.id()).filter(x -> !x.ghost());
                Node merged = old.map(x -> overlay(x.node(), item.node(), keepGhosts)).orElse(item.node());
                out = out.with(Instances.Instance.of(item.id(), merged));
            }
            return out;
        }
        return overlay;
    }

    /** The part of a feedback tree a subscription's query selects, rooted at the document, if any. */
    public static Optional<Branch> select(Branch feedback, XPath query) {
        return match(feedback, query.segments(), 0).map(n -> (Branch) n);
    }
}
