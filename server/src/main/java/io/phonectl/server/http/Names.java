package io.phonectl.server.http;

import java.util.regex.Pattern;

/**
 * The one rule for names that identify things in URLs, selectors and CSV cells (users, tokens, credential sets,
 * groups): short, and no character that would need quoting in any of them.
 */
public final class Names {

    public static final int MAX = 64;
    public static final String RULE = "1.." + MAX + " characters of A-Z a-z 0-9 . _ @ -";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1," + MAX + "}");

    private Names() {
    }

    /** The name, or a 400 problem naming {@code field}. */
    public static String require(String field, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ApiException.Invalid(field, name, RULE);
        }
        return name;
    }
}
