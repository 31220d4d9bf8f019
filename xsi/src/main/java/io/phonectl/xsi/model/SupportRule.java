package io.phonectl.xsi.model;

import java.util.List;

/** One deny/only/needs statement of models.txt. */
record SupportRule(Kind kind, List<String> scopes, List<String> patterns, String source, String reason,
                   String required) {

    enum Kind { DENY, ONLY, NEEDS }

    boolean matches(String feature) {
        for (String p : patterns) {
            if (p.endsWith("*") ? feature.startsWith(p.substring(0, p.length() - 1))
                    : feature.equals(p) || feature.startsWith(p + ":")) {
                return true;
            }
        }
        return false;
    }

    boolean inScope(PhoneModel model) {
        for (String s : scopes) {
            if (s.equals("all") || s.equalsIgnoreCase(model.name()) || s.equals(model.family().id())
                    || s.equals(model.series()) || (s.equals("mpp") && model.mpp())) {
                return true;
            }
        }
        return false;
    }
}
