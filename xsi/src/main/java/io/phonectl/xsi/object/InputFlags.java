package io.phonectl.xsi.object;

import io.phonectl.xsi.Sources;

import java.util.regex.Pattern;

/**
 * The InputFlags text of an InputItem: one of A (ASCII), T (telephone), N (numeric), E (equation),
 * U (uppercase), L (lowercase), optionally with the password modifier P before or after it ({@code AP}, {@code PA}).
 * The spelling is kept as given so that a round trip is exact.
 */
public record InputFlags(String code) {

    private static final Pattern VALID = Pattern.compile("[ATNEUL]P?|P[ATNEUL]");

    public static InputFlags of(char type, boolean password) {
        return new InputFlags(password ? type + "P" : String.valueOf(type));
    }

    /** The input type letter, or '?' for an invalid code. */
    public char type() {
        return isValid() ? code.replace("P", "").charAt(0) : '?';
    }

    public boolean password() {
        return code != null && code.length() == 2 && code.indexOf('P') >= 0;
    }

    public boolean isValid() {
        return code != null && VALID.matcher(code).matches();
    }

    void check(Checks c, String path) {
        if (!isValid()) {
            c.add(path, code, "one of A T N E U L, optionally with the password modifier P (AP or PA)",
                    Sources.CONTROL_SPEC);
        }
    }
}
