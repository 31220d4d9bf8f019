package io.phonectl.xsi.uri;

import io.phonectl.xsi.Sources;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Exact-spelling enum lookup with a message that lists the allowed names. */
final class Enums {
    private Enums() {
    }

    static <E extends Enum<E>> E parse(String field, String text, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(text)) {
                return e;
            }
        }
        throw UriRules.fail(field, text, "must be one of " + names(type), Sources.CONTROL_SPEC);
    }

    static void require(String field, Enum<?> value) {
        if (value == null) {
            throw UriRules.fail(field, null, "is required", Sources.CONTROL_SPEC);
        }
    }

    private static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
