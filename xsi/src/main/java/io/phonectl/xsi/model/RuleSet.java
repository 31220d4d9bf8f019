package io.phonectl.xsi.model;

import java.util.List;

/** The support rules of a catalog, shared by its models; opaque outside this package. */
public final class RuleSet {

    private final List<SupportRule> rules;

    RuleSet(List<SupportRule> rules) {
        this.rules = List.copyOf(rules);
    }

    List<SupportRule> rules() {
        return rules;
    }

    /** Number of deny/only/needs statements. */
    public int size() {
        return rules.size();
    }

    @Override
    public String toString() {
        return "RuleSet[" + rules.size() + " rules]";
    }
}
