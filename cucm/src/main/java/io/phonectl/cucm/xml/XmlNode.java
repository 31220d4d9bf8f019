package io.phonectl.cucm.xml;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of a parsed SOAP document: the prefix it was written with (empty when none), its name without prefix, attributes by name as written (so namespace
 * declarations stay visible), its text (coalesced, not trimmed) and children in order. Lookups ignore prefixes, so a
 * peer may qualify child elements or not (RisPort qualifies them, AXL does not).
 */
public record XmlNode(String prefix, String name, Map<String, String> attributes, String text, List<XmlNode> children) {

    public XmlNode {
        prefix = prefix == null ? "" : prefix;
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    /** The first child with this local name. */
    public Optional<XmlNode> child(String local) {
        for (XmlNode c : children) {
            if (c.name.equals(local)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Every child with this local name, in document order. */
    public List<XmlNode> children(String local) {
        return children.stream().filter(c -> c.name.equals(local)).toList();
    }

    /** The trimmed text of the first child with this name, or null when there is none or it is nil. */
    public String text(String local) {
        return child(local).filter(c -> !c.nil()).map(c -> c.text.strip()).orElse(null);
    }

    /** The trimmed text of a child, or {@code fallback} when absent, nil or empty. */
    public String text(String local, String fallback) {
        String t = text(local);
        return t == null || t.isEmpty() ? fallback : t;
    }

    /** An attribute by local name ({@code uuid} matches {@code uuid} and {@code x:uuid}). */
    public String attribute(String local) {
        String exact = attributes.get(local);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            if (e.getKey().endsWith(":" + local) && !e.getKey().startsWith("xmlns")) {
                return e.getValue();
            }
        }
        return null;
    }

    /** {@code xsi:nil="true"} (or "1"), which AXL and RisPort use for absent values. */
    public boolean nil() {
        String v = attribute("nil");
        return "true".equals(v) || "1".equals(v);
    }

    /** The namespace URI this element's prefix (or the default namespace) is bound to, looked up on this node only. */
    public String declaredNamespace(String prefix) {
        return attributes.get(prefix == null || prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix);
    }
}
