package io.phonectl.server.notify;

import io.phonectl.server.http.ApiException;
import io.phonectl.server.job.JobSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Placeholders of templates: {@code {{name}}} in string members of the params. Checks a template when it is saved
 * (every placeholder declared, every declaration used, names and lengths valid, and the notification valid with
 * every variable at its longest) and renders it with a send's values.
 */
final class TemplateText {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}");
    static final int MAX_VARIABLES = 20;
    static final int DEFAULT_MAX_LENGTH = 64;
    static final int MAX_LENGTH = 255;

    private TemplateText() {
    }

    /** The declared variables, checked, with defaults filled in; the template's params checked with them. */
    static List<Template.Variable> check(Map<String, JsonNode> params, List<Template.Variable> declared) {
        List<Template.Variable> vars = declared == null ? List.of() : declared;
        if (vars.size() > MAX_VARIABLES) {
            throw new ApiException.Invalid("variables", vars.size() + " variables", "at most " + MAX_VARIABLES);
        }
        Map<String, Template.Variable> byName = new LinkedHashMap<>();
        for (int i = 0; i < vars.size(); i++) {
            Template.Variable v = vars.get(i);
            String f = "variables[" + i + "]";
            if (v == null || v.name() == null || !NAME.matcher(v.name()).matches()) {
                throw new ApiException.Invalid(f + ".name", v == null ? null : v.name(), "a letter, then up to 31 "
                        + "letters, digits or _");
            }
            int max = v.maxLength() == null ? DEFAULT_MAX_LENGTH : v.maxLength();
            if (max < 1 || max > MAX_LENGTH) {
                throw new ApiException.Invalid(f + ".maxLength", max, "1.." + MAX_LENGTH);
            }
            if (v.defaultValue() != null) {
                value(f + ".defaultValue", v.defaultValue(), max);
            }
            if (byName.put(v.name(), new Template.Variable(v.name(), max, v.defaultValue())) != null) {
                throw new ApiException.Invalid(f + ".name", v.name(), "declared once");
            }
        }
        Set<String> used = new LinkedHashSet<>();
        params.forEach((member, node) -> {
            if (node != null && node.isString()) {
                Matcher m = PLACEHOLDER.matcher(node.asString());
                while (m.find()) {
                    if (!byName.containsKey(m.group(1))) {
                        throw new ApiException.Invalid("params." + member, m.group(), "placeholders name declared "
                                + "variables (" + String.join(", ", byName.keySet()) + ")");
                    }
                    used.add(m.group(1));
                }
            }
        });
        for (String name : byName.keySet()) {
            if (!used.contains(name)) {
                throw new ApiException.Invalid("variables", name, "every declared variable is used in params as {{"
                        + name + "}}");
            }
        }
        Map<String, String> longest = new LinkedHashMap<>();
        byName.values().forEach(v -> longest.put(v.name(), "W".repeat(v.maxLength())));
        try {
            NotificationSpec.of(new JobSpec(NotificationSpec.ACTION, render(params, longest), null));
        } catch (ApiException.Invalid e) {
            throw new ApiException.Invalid(e.field(), e.value(), e.rule() + " (checked with every variable at its "
                    + "maxLength)");
        }
        return List.copyOf(byName.values());
    }

    /** The params with a send's values (defaults where none is given); every value checked against its variable. */
    static Map<String, JsonNode> render(Map<String, JsonNode> params, List<Template.Variable> vars,
                                        Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> in = given == null ? Map.of() : given;
        for (String k : in.keySet()) {
            if (vars.stream().noneMatch(v -> v.name().equals(k))) {
                throw new ApiException.Invalid("variables." + k, in.get(k), "a variable the template declares");
            }
        }
        for (Template.Variable v : vars) {
            String s = in.containsKey(v.name()) ? in.get(v.name()) : v.defaultValue();
            if (s == null) {
                throw new ApiException.Invalid("variables." + v.name(), null, "required (the template gives no "
                        + "default)");
            }
            values.put(v.name(), value("variables." + v.name(), s, v.maxLength()));
        }
        return render(params, values);
    }

    private static Map<String, JsonNode> render(Map<String, JsonNode> params, Map<String, String> values) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        params.forEach((member, node) -> {
            if (node != null && node.isString()) {
                Matcher m = PLACEHOLDER.matcher(node.asString());
                out.put(member, JsonNodeFactory.instance.stringNode(m.replaceAll(r ->
                        Matcher.quoteReplacement(values.getOrDefault(r.group(1), r.group())))));
            } else {
                out.put(member, node);
            }
        });
        return out;
    }

    private static String value(String field, String s, int max) {
        if (s.length() > max) {
            throw new ApiException.Invalid(field, s.length() + " characters", "at most " + max + " (maxLength)");
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                throw new ApiException.Invalid(field, "…", "no control characters");
            }
        }
        return s;
    }
}
