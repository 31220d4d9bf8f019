package io.phonectl.xsi.model;

import io.phonectl.xsi.SizeProfile;
import io.phonectl.xsi.Sources;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the line format of models.txt (documented at the top of that file and in docs/xsi-uris-and-models.md). */
final class CatalogReader {

    /** Source name for facts the seeds do not state. */
    static final String ASSUMPTION = "assumption (docs/xsi-uris-and-models.md)";

    private static final Set<String> KEYS = Set.of("family", "series", "aliases", "label", "componentApis", "display",
            "softKeyPositions", "softKeyButtons", "sdk", "size", "executeFailure", "screenshot", "screenshotPath",
            "screenshotHttps", "mediaResources", "ports", "streams", "softKeyInExecute", "keyMap", "keySpelling", "infoPages");

    private final Map<String, Map<String, String>> families = new HashMap<>();
    private final Map<String, Map<String, String>> models = new LinkedHashMap<>();
    private final Map<String, Integer> modelLines = new HashMap<>();
    private int lineNumber;
    private final List<SupportRule> rules = new ArrayList<>();

    static List<PhoneModel> read(String text) {
        CatalogReader r = new CatalogReader();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            r.lineNumber = i + 1;
            try {
                r.statement(line);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("models.txt line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return r.build();
    }

    private void statement(String line) {
        String[] w = line.split("\\s+");
        switch (w[0]) {
            case "family" -> families.put(Family.ofId(need(w, 1, "family id")).id(), properties(w, 2));
            case "model" -> {
                String name = need(w, 1, "model name");
                modelLines.put(name, lineNumber);
                if (models.put(name, properties(w, 2)) != null) {
                    throw new IllegalArgumentException("model " + name + " is defined twice");
                }
            }
            case "deny", "only" -> {
                String[] p = line.split("\\s+", 5);
                if (p.length < 5) {
                    throw new IllegalArgumentException(w[0] + " needs <scopes> <features> <SOURCE> <reason>");
                }
                rules.add(new SupportRule(w[0].equals("deny") ? SupportRule.Kind.DENY : SupportRule.Kind.ONLY,
                        list(p[1]), list(p[2]), source(p[3]), p[4], null));
            }
            case "needs" -> {
                if (w.length != 3) {
                    throw new IllegalArgumentException("needs takes <feature> <required-feature>");
                }
                rules.add(new SupportRule(SupportRule.Kind.NEEDS, List.of("all"), List.of(w[1]), "", "", w[2]));
            }
            default -> throw new IllegalArgumentException("unknown statement '" + w[0] + "'");
        }
    }

    private List<PhoneModel> build() {
        RuleSet ruleSet = new RuleSet(rules);
        List<PhoneModel> out = new ArrayList<>();
        for (var e : models.entrySet()) {
            String name = e.getKey();
            try {
                String familyId = e.getValue().get("family");
                if (familyId == null || !families.containsKey(familyId)) {
                    throw new IllegalArgumentException("needs family=<a declared family>");
                }
                Map<String, String> p = new HashMap<>(families.get(familyId));
                p.putAll(e.getValue());
                out.add(model(name, Family.ofId(familyId), p, ruleSet));
            } catch (RuntimeException ex) {
                throw new IllegalArgumentException("models.txt line " + modelLines.get(name) + ": model " + name
                        + ": " + ex.getMessage(), ex);
            }
        }
        return out;
    }

    private static PhoneModel model(String name, Family family, Map<String, String> p, RuleSet rules) {
        Map<String, String> keyMap = pairs(p, "keyMap");
        Map<String, String> spellings = pairs(p, "keySpelling");
        return new PhoneModel(name, list(p.getOrDefault("aliases", "")), family,
                p.getOrDefault("series", family.id()), text(p.getOrDefault("label", name)),
                text(p.getOrDefault("componentApis", "unstated")), DisplaySpec.parse(required(p, "display")),
                integer(p, "softKeyPositions"), integer(p, "softKeyButtons"), required(p, "sdk"),
                switch (required(p, "size")) {
                    case "40KB" -> SizeProfile.POST_40KB;
                    case "512B" -> SizeProfile.LEGACY_512B;
                    default -> throw new IllegalArgumentException("size must be 40KB or 512B");
                },
                switch (required(p, "executeFailure")) {
                    case "legacy" -> ExecuteFailureStyle.LEGACY_200_ERROR4;
                    case "401" -> ExecuteFailureStyle.HTTP_401_ERROR4;
                    case "none" -> ExecuteFailureStyle.NO_RESPONSE;
                    default -> throw new IllegalArgumentException("executeFailure must be legacy, 401 or none");
                },
                required(p, "screenshot").toUpperCase(java.util.Locale.ROOT), required(p, "screenshotPath"),
                Boolean.parseBoolean(p.get("screenshotHttps")), integer(p, "mediaResources"), integer(p, "ports"),
                integer(p, "streams"), Boolean.parseBoolean(p.get("softKeyInExecute")), keyMap, spellings,
                InfoPages.parse(p.getOrDefault("infoPages", "none")), rules);
    }

    private static Map<String, String> pairs(Map<String, String> p, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : list(p.getOrDefault(key, ""))) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2 || kv[0].isEmpty() || kv[1].isEmpty()) {
                throw new IllegalArgumentException(key + " entries look like Hold=FixedFeature3: " + pair);
            }
            out.put(kv[0], kv[1]);
        }
        return out;
    }

    private static Map<String, String> properties(String[] w, int from) {
        Map<String, String> p = new HashMap<>();
        for (String kv : Arrays.copyOfRange(w, from, w.length)) {
            int eq = kv.indexOf('=');
            if (eq <= 0 || !KEYS.contains(kv.substring(0, eq))) {
                throw new IllegalArgumentException("unknown or malformed property '" + kv + "'; known: " + KEYS);
            }
            p.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return p;
    }

    static String source(String constant) {
        if (constant.equals("ASSUMPTION")) {
            return ASSUMPTION;
        }
        try {
            Field f = Sources.class.getField(constant);
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                return (String) f.get(null);
            }
        } catch (ReflectiveOperationException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("unknown source '" + constant + "' (a Sources constant or ASSUMPTION)");
    }

    private static List<String> list(String csv) {
        return csv.isEmpty() ? List.of() : List.of(csv.split(","));
    }

    private static String text(String value) {
        return value.replace('_', ' ');
    }

    private static String need(String[] w, int i, String what) {
        if (w.length <= i) {
            throw new IllegalArgumentException(w[0] + " needs a " + what);
        }
        return w[i];
    }

    private static String required(Map<String, String> p, String key) {
        String v = p.get(key);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("missing property " + key);
        }
        return v;
    }

    private static int integer(Map<String, String> p, String key) {
        try {
            return Integer.parseInt(required(p, key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer: " + p.get(key));
        }
    }
}
