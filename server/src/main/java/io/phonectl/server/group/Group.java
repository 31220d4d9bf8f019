package io.phonectl.server.group;

import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Instant;
import java.util.Locale;

/**
 * A group of devices as the API shows it: static (members listed) or dynamic (a selector, evaluated whenever the
 * group is used, so new devices that match join it). {@code devices} counts the members now.
 */
public record Group(long id, String name, Kind kind, String selector, String description, long devices,
                    Instant createdAt, Instant updatedAt) {

    public enum Kind {
        STATIC, DYNAMIC;

        @JsonValue
        public String spelling() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
