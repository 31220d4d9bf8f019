package io.phonectl.client.xapi;

import io.phonectl.xapi.tree.Leaf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Java values given to the client's convenience methods, as the protocol core's leaves. */
final class Values {
    private Values() {}

    static Leaf leaf(String name, Object v) {
        return switch (v) {
            case Integer i -> Leaf.integer(i);
            case Long l -> Leaf.integer(l);
            case Short s -> Leaf.integer(s);
            case Boolean b -> Leaf.literal(b ? "True" : "False");
            case String s -> Leaf.string(s);
            case Enum<?> e -> Leaf.literal(e.name());
            case null -> throw new XapiClientException.Config(name, null, "a value is required");
            default -> throw new XapiClientException.Config(name, v.getClass().getSimpleName(),
                    "must be an integer, string, boolean or enum (xAPI values)");
        };
    }

    static Map<String, List<Leaf>> params(Map<String, ?> params) {
        Map<String, List<Leaf>> out = new LinkedHashMap<>();
        if (params == null) return out;
        params.forEach((k, v) -> {
            List<Leaf> values = new ArrayList<>();
            if (v instanceof List<?> list) {
                for (Object o : list) values.add(leaf(k, o));
            } else {
                values.add(leaf(k, v));
            }
            out.put(k, values);
        });
        return out;
    }
}
