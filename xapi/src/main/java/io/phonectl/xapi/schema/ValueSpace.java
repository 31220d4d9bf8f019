package io.phonectl.xapi.schema;

import io.phonectl.xapi.tree.Leaf;

import java.util.List;
import java.util.Optional;

/**
 * The values a leaf or parameter accepts: Integer with min/max, String with min/max length (characters), or
 * Literal with an enumeration (matched ignoring case, answered in canonical casing).
 */
public record ValueSpace(Type type, long min, long max, List<String> values) {

    public enum Type { Integer, String, Literal }

    public ValueSpace {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public Leaf.Kind kind() {
        return switch (type) {
            case Integer -> Leaf.Kind.INTEGER;
            case String -> Leaf.Kind.STRING;
            case Literal -> Leaf.Kind.LITERAL;
        };
    }

    /** The rule the value breaks, if any, phrased for a violation message. */
    public Optional<String> broken(Leaf value) {
        return switch (type) {
            case Integer -> {
                long v;
                try {
                    v = Long.parseLong(value.text().trim());
                } catch (NumberFormatException e) {
                    yield Optional.of("must be an integer " + min + ".." + max);
                }
                yield v < min || v > max ? Optional.of("must be an integer " + min + ".." + max) : Optional.empty();
            }
            case String -> {
                int n = value.text().codePointCount(0, value.text().length());
                yield n < min || n > max ? Optional.of("must be a string of " + min + ".." + max + " characters")
                        : Optional.empty();
            }
            case Literal -> canonical(value.text()).isPresent() ? Optional.empty()
                    : Optional.of("must be one of " + values);
        };
    }

    /** The value with this space's kind and canonical casing (a WebSocket string "h320" becomes literal H320). */
    public Leaf coerce(Leaf value) {
        return switch (type) {
            case Integer -> Leaf.integer(Long.parseLong(value.text().trim()));
            case String -> Leaf.string(value.text());
            case Literal -> Leaf.literal(canonical(value.text()).orElse(value.text()));
        };
    }

    private Optional<String> canonical(String text) {
        return values.stream().filter(v -> v.equalsIgnoreCase(text)).findFirst();
    }
}
