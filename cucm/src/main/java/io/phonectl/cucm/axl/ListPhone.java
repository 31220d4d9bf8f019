package io.phonectl.cucm.axl;

import io.phonectl.cucm.CucmValidationException;
import io.phonectl.cucm.xml.XmlWriter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code listPhone}: phones whose fields match every search criterion ({@code %} is the wildcard, {@code _} one
 * character), with the returned tags asked for, from row {@code skip} for at most {@code first} rows (both optional).
 */
public record ListPhone(Map<String, String> searchCriteria, List<String> returnedTags, Integer skip, Integer first)
        implements AxlRequest {

    /** The search fields of listPhone's searchCriteria (AXL schema, LPhone search). */
    public static final Set<String> CRITERIA = Set.of("name", "description", "protocol", "callingSearchSpaceName",
            "devicePoolName", "securityProfileName");
    /** The returned tags this subset models (AXL schema, LPhone). */
    public static final List<String> TAGS = List.of("name", "description", "product", "model", "class", "protocol",
            "devicePoolName");
    static final String SOURCE = "AXL schema, listPhone";

    public ListPhone {
        searchCriteria = Map.copyOf(new LinkedHashMap<>(searchCriteria));
        returnedTags = List.copyOf(returnedTags);
        if (searchCriteria.isEmpty()) {
            throw new CucmValidationException("searchCriteria", "{}", "needs at least one of " + CRITERIA, SOURCE);
        }
        for (String k : searchCriteria.keySet()) {
            if (!CRITERIA.contains(k)) {
                throw new CucmValidationException("searchCriteria", k, "must be one of " + CRITERIA, SOURCE);
            }
        }
        if (returnedTags.isEmpty()) {
            throw new CucmValidationException("returnedTags", "[]", "needs at least one tag", SOURCE);
        }
        for (String t : returnedTags) {
            if (!TAGS.contains(t)) {
                throw new CucmValidationException("returnedTags", t, "must be one of " + TAGS, SOURCE);
            }
        }
        if (skip != null && skip < 0) {
            throw new CucmValidationException("skip", skip, "must be >= 0", SOURCE);
        }
        if (first != null && first < 1) {
            throw new CucmValidationException("first", first, "must be >= 1", SOURCE);
        }
    }

    /** Every phone ({@code name %}) with the given tags, one page. */
    public static ListPhone page(List<String> tags, int skip, int first) {
        return new ListPhone(Map.of("name", "%"), tags, skip, first);
    }

    @Override
    public String operation() {
        return "listPhone";
    }

    @Override
    public void writeBody(XmlWriter w) {
        w.open("searchCriteria");
        // a stable order keeps requests byte-identical between runs
        CRITERIA.stream().sorted().filter(searchCriteria::containsKey).forEach(k -> w.element(k, searchCriteria.get(k)));
        w.close("searchCriteria").open("returnedTags");
        returnedTags.forEach(t -> w.element(t, ""));
        w.close("returnedTags");
        if (skip != null) {
            w.element("skip", skip);
        }
        if (first != null) {
            w.element("first", first);
        }
    }
}
