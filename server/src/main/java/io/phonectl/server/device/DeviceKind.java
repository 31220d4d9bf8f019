package io.phonectl.server.device;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Optional;

/** What a device speaks: XSI (IP phones), or xAPI as a RoomOS video device or a PhoneOS phone. */
public enum DeviceKind {
    XSI, ROOMOS, PHONEOS;

    // once, not per call: every device row read and every device written out asks for it
    private static final DeviceKind[] ALL = values();
    private final String spelling = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String spelling() {
        return spelling;
    }

    public static Optional<DeviceKind> parse(String text) {
        String t = text == null ? "" : text.strip();
        for (DeviceKind k : ALL) {
            if (k.spelling.equalsIgnoreCase(t)) {
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
