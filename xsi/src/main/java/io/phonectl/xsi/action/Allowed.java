package io.phonectl.xsi.action;

import java.util.List;

/** What values a parameter allows, as the spec's parameter table states it. */
public sealed interface Allowed {

    /** Whether {@code value} (already of the right type) is allowed. */
    boolean permits(String value);

    /** The rule in words, used in violation messages and listings. */
    String describe();

    /** No constraint stated beyond the type. */
    record Any() implements Allowed {
        @Override
        public boolean permits(String value) {
            return true;
        }

        @Override
        public String describe() {
            return "";
        }
    }

    /** An inclusive integer range. */
    record Range(long min, long max) implements Allowed {
        public Range {
            if (min > max) {
                throw new IllegalArgumentException("empty range " + min + ".." + max);
            }
        }

        @Override
        public boolean permits(String value) {
            try {
                long v = Long.parseLong(value);
                return v >= min && v <= max;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        @Override
        public String describe() {
            return min + ".." + max;
        }
    }

    /** One of a list of exact spellings (case-sensitive, as the spec's element names are). */
    record Values(List<String> values) implements Allowed {
        public Values {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("no values");
            }
        }

        @Override
        public boolean permits(String value) {
            return values.contains(value);
        }

        @Override
        public String describe() {
            return String.join("|", values);
        }
    }

    static Allowed parse(String text) {
        String t = text.trim();
        if (t.equals("-")) {
            return new Any();
        }
        int dots = t.indexOf("..");
        if (dots > 0 && t.matches("-?\\d+\\.\\.-?\\d+")) {
            return new Range(Long.parseLong(t.substring(0, dots)), Long.parseLong(t.substring(dots + 2)));
        }
        return new Values(List.of(t.split(",")));
    }
}
