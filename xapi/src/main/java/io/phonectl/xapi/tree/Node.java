package io.phonectl.xapi.tree;

/**
 * A node of the canonical xAPI value tree (Status, Configuration, Event documents and command results).
 * Immutable; every change produces a new tree. One tree renders to WebSocket JSON, terminal text and terminal
 * JSON: only the serializers differ.
 */
public sealed interface Node permits Leaf, Branch, Instances {
}
