package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

/**
 * CiscoIPPhoneError: the phone's error answer, always written {@code <CiscoIPPhoneError Number="N" />} because
 * deployed scripts compare it byte for byte. {@code text} is the optional text content (null when absent).
 */
public record PhoneError(int number, String text) implements XsiObject {

    public static final int PARSE_ERROR = 1;
    public static final int FRAMING_ERROR = 2;
    public static final int INTERNAL_FILE_ERROR = 3;
    public static final int AUTHENTICATION_ERROR = 4;

    public PhoneError {
        // Blank text reads back as absent, so it is absent from the start: a round trip stays equal.
        text = text == null || text.isBlank() ? null : text;
        Checks c = new Checks();
        c.range("Number", number, 0, Short.MAX_VALUE, Sources.CONTROL_SPEC);
        c.throwIfAny();
    }

    public static PhoneError of(int number) {
        return new PhoneError(number, null);
    }

    /** Documented meaning of a number (1-4), or "undocumented". */
    public String meaning() {
        return switch (number) {
            case PARSE_ERROR -> "Error parsing CiscoIPPhoneExecute object";
            case FRAMING_ERROR -> "Error framing CiscoIPPhoneResponse object";
            case INTERNAL_FILE_ERROR -> "Internal file error";
            case AUTHENTICATION_ERROR -> "Authentication error";
            default -> "undocumented";
        };
    }

    @Override
    public String rootElement() {
        return "CiscoIPPhoneError";
    }
}
