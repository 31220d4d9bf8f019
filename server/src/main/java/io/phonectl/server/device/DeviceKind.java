package io.phonectl.server.device;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Optional;

/** What a device speaks: XSI (IP phones), or xAPI as a RoomOS video device or a PhoneOS phone. */
public enum DeviceKind {
    XSI, ROOMOS, PHONEOS;

    @JsonValue
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeviceKind> parse(String text) {
        for (DeviceKind k : values()) {
            if (k.spelling().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return spelling();
    }
}
