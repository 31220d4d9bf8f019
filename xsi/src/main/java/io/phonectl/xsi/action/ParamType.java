package io.phonectl.xsi.action;

import java.util.Locale;

/** Parameter types as the control spec names them; {@code boolean} is spelled 0 or 1 on the wire. */
public enum ParamType {
    INTEGER, STRING, ENUM, BOOLEAN;

    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ParamType parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
