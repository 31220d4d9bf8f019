package io.phonectl.xapi.tree;

import java.util.Objects;

/**
 * A value. The kind decides rendering: integers are JSON numbers and bare in terminal text, strings are quoted in
 * terminal text, literals (enumerations such as {@code On}, {@code LAN}) are bare. All three are JSON strings in
 * terminal JSON mode ({@code {"Value":"50"}}).
 */
public record Leaf(Kind kind, String text) implements Node {

    public enum Kind { INTEGER, STRING, LITERAL }

    public Leaf {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (kind == Kind.INTEGER) {
            try {
                Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("INTEGER leaf needs a decimal integer, got \"" + text + "\"");
            }
        }
    }

    public static Leaf integer(long value) {
        return new Leaf(Kind.INTEGER, Long.toString(value));
    }

    public static Leaf string(String value) {
        return new Leaf(Kind.STRING, value);
    }

    public static Leaf literal(String value) {
        return new Leaf(Kind.LITERAL, value);
    }

    public long longValue() {
        return Long.parseLong(text);
    }

    /** Same value regardless of kind: terminal JSON cannot tell a literal from a string. */
    public boolean sameValue(Leaf other) {
        return text.equals(other.text);
    }
}
