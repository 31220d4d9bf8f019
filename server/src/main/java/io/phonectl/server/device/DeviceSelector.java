package io.phonectl.server.device;

import io.phonectl.server.db.Sql;
import io.phonectl.server.http.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The inventory's {@code --where} language, evaluated in SQL so it stays fast on large fleets:
 * {@code field=value}, {@code field!=value}, several values separated by ',' mean "any of", {@code *} is a wildcard,
 * comparison ignores case, and for {@code model} "8845" also matches "CP-8845". Filters are separated by ';' and
 * must all hold. Fields: the client's name, address, host, model, user, credentials, plus kind, site, tag and
 * group (membership of a static group; a dynamic group is its own selector).
 *
 * @param text the selector as written ("" selects every device)
 */
public record DeviceSelector(String text, List<Filter> filters) {

    public static final int MAX_LENGTH = 1000;
    public static final int MAX_FILTERS = 20;
    public static final DeviceSelector ALL = new DeviceSelector("", List.of());

    /** One {@code field[!]=v1,v2} term. */
    public record Filter(String field, boolean negated, List<String> values) {
    }

    /** A WHERE condition on {@code devices d} with its positional arguments. */
    public record Where(String sql, List<Object> args) {
    }

    /** Each field's column, or an EXISTS over a related table ({@code %s} is the match condition on {@code v}). */
    private static final Map<String, String> COLUMNS = Map.of(
            "name", "lower(d.name) LIKE ? ESCAPE '!'",
            "address", "lower(d.address) LIKE ? ESCAPE '!'",
            "host", "lower(d.host) LIKE ? ESCAPE '!'",
            "model", "(lower(d.model) LIKE ? ESCAPE '!' OR d.model_number LIKE ? ESCAPE '!')",
            "kind", "d.kind LIKE ? ESCAPE '!'",
            "site", "lower(d.site) LIKE ? ESCAPE '!'",
            "user", "lower(d.username) LIKE ? ESCAPE '!'",
            "tag", "EXISTS (SELECT 1 FROM device_tags t WHERE t.device_id = d.id AND lower(t.tag) LIKE ? ESCAPE '!')",
            "credentials", "EXISTS (SELECT 1 FROM credentials c WHERE c.id = d.credential_id "
                    + "AND lower(c.name) LIKE ? ESCAPE '!')",
            "group", "EXISTS (SELECT 1 FROM group_members gm JOIN device_groups g ON g.id = gm.group_id "
                    + "WHERE gm.device_id = d.id AND lower(g.name) LIKE ? ESCAPE '!')");
    private static final String FIELDS = "name, address, host, model, kind, site, tag, user, credentials, group";

    public DeviceSelector {
        filters = List.copyOf(filters);
    }

    /** Parses a selector; a problem names the field {@code field} (the request member or parameter it came from). */
    public static DeviceSelector parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        if (text.length() > MAX_LENGTH) {
            throw new ApiException.Invalid(field, text.substring(0, 40) + "…", "at most " + MAX_LENGTH + " characters");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new ApiException.Invalid(field, text.replaceAll("\\p{Cntrl}", "?"), "no control characters");
        }
        List<Filter> filters = new ArrayList<>();
        for (String term : text.split(";")) {
            if (term.isBlank()) {
                continue;
            }
            int eq = term.indexOf('=');
            if (eq <= 0) {
                throw new ApiException.Invalid(field, term.strip(), "field=value or field!=value, terms separated by ';'");
            }
            boolean negated = term.charAt(eq - 1) == '!';
            String name = term.substring(0, negated ? eq - 1 : eq).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.containsKey(name)) {
                throw new ApiException.Invalid(field, term.strip(), "a filter on one of " + FIELDS);
            }
            List<String> values = List.of(term.substring(eq + 1).split(",")).stream().map(String::strip)
                    .filter(v -> !v.isEmpty()).toList();
            if (values.isEmpty()) {
                throw new ApiException.Invalid(field, term.strip(), "at least one value after '='");
            }
            filters.add(new Filter(name, negated, values));
        }
        if (filters.size() > MAX_FILTERS) {
            throw new ApiException.Invalid(field, filters.size() + " filters", "at most " + MAX_FILTERS + " filters");
        }
        return new DeviceSelector(text.strip(), filters);
    }

    /** The members of the static group of this name. */
    public static DeviceSelector memberOf(String group) {
        return new DeviceSelector("group=" + group, List.of(new Filter("group", false, List.of(group))));
    }

    /** Several selectors that must all hold (repeated {@code where} parameters). */
    public static DeviceSelector all(String field, List<String> texts) {
        return parse(field, String.join(";", texts));
    }

    public Where where() {
        if (filters.isEmpty()) {
            return new Where("1 = 1", List.of());
        }
        List<String> terms = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (Filter f : filters) {
            String match = COLUMNS.get(f.field());
            List<String> any = new ArrayList<>();
            for (String v : f.values()) {
                String pattern = Sql.likePattern(v.toLowerCase(Locale.ROOT));
                any.add(match);
                args.add(pattern);
                if (f.field().equals("model")) {
                    args.add(pattern);
                }
            }
            String or = "(" + String.join(" OR ", any) + ")";
            terms.add(f.negated() ? "NOT " + or : or);
        }
        return new Where(String.join(" AND ", terms), args);
    }
}
