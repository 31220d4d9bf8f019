package io.phonectl.xapi.tree;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Named children in insertion order; names are canonical casing, looked up case-insensitively. */
public record Branch(Map<String, Node> children) implements Node {

    public static final Branch EMPTY = new Branch(Map.of());

    public Branch {
        children = Collections.unmodifiableMap(new LinkedHashMap<>(children));
    }

    public static Branch of(Object... namesAndNodes) {
        LinkedHashMap<String, Node> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndNodes.length; i += 2) {
            m.put((String) namesAndNodes[i], (Node) namesAndNodes[i + 1]);
        }
        return new Branch(m);
    }

    /** The child's canonical name, matched ignoring case. */
    public Optional<String> canonical(String name) {
        if (children.containsKey(name)) {
            return Optional.of(name);
        }
        return children.keySet().stream().filter(k -> k.equalsIgnoreCase(name)).findFirst();
    }

    public Optional<Node> child(String name) {
        return canonical(name).map(children::get);
    }

    /** Replaces (keeping position and canonical casing) or appends a child. */
    public Branch with(String name, Node node) {
        LinkedHashMap<String, Node> m = new LinkedHashMap<>(children);
        m.put(canonical(name).orElse(name), node);
        return new Branch(m);
    }

    public Branch without(String name) {
        LinkedHashMap<String, Node> m = new LinkedHashMap<>(children);
        canonical(name).ifPresent(m::remove);
        return new Branch(m);
    }

    public boolean isEmpty() {
        return children.isEmpty();
    }
}
