package io.phonectl.client.inventory;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One {@code --where} filter: {@code field=value}, {@code field!=value}; several values separated by ','
 * mean "any of"; {@code *} is a wildcard; comparison ignores case. For {@code model}, "8845" also matches
 * "CP-8845" (model numbers are written with and without their prefix). Several filters combine with AND.
 */
public record Selector(String field, boolean negated, List<String> values) implements Predicate<PhoneEntry> {

    private static final List<String> FIELDS = List.of("name", "address", "host", "model", "user", "credentials", "dn",
            "description", "devicepool", "status");

    public Selector {
        if (!FIELDS.contains(field)) {
            throw new InventoryException("filter field \"" + field + "\": expected one of " + String.join(", ", FIELDS));
        }
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new InventoryException("filter on " + field + " has no value");
        }
    }

    /** Parses {@code model=CP-8845,CP-8865} or {@code name!=lab-*}. */
    public static Selector parse(String expression) {
        if (expression == null) {
            throw new InventoryException("filter is empty: expected field=value");
        }
        int eq = expression.indexOf('=');
        if (eq <= 0) {
            throw new InventoryException("filter \"" + expression + "\": expected field=value or field!=value");
        }
        boolean negated = expression.charAt(eq - 1) == '!';
        String field = expression.substring(0, negated ? eq - 1 : eq).strip().toLowerCase(Locale.ROOT);
        List<String> values = List.of(expression.substring(eq + 1).split(",")).stream()
                .map(String::strip).filter(v -> !v.isEmpty()).toList();
        return new Selector(field, negated, values);
    }

    @Override
    public boolean test(PhoneEntry phone) {
        String actual = phone.field(field);
        boolean any = values.stream().anyMatch(v -> matches(v, actual));
        return negated != any;
    }

    private boolean matches(String wanted, String actual) {
        if (glob(wanted).matcher(actual).matches()) {
            return true;
        }
        // "8845" selects "CP-8845": compare the model number after its family prefix
        int dash = actual.indexOf('-');
        return field.equals("model") && dash >= 0 && glob(wanted).matcher(actual.substring(dash + 1)).matches();
    }

    private static Pattern glob(String wanted) {
        String re = java.util.Arrays.stream(wanted.split("\\*", -1)).map(Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".*"));
        return Pattern.compile(re, Pattern.CASE_INSENSITIVE);
    }
}
