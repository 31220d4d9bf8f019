package io.phonectl.server.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The position after the last item of a page: its sort key and its id (the id breaks ties and makes the order
 * total). Lists read "items after (key, id)" in (key, id) order, so a page never repeats or skips an item that
 * was there before, whatever is inserted meanwhile. Opaque to clients: base64url of the two values.
 *
 * @param key the sort key of the last item ("" when the list is ordered by id alone)
 * @param id  the id of the last item
 */
public record Cursor(String key, long id) {

    private static final char SEPARATOR = '\n';

    public Cursor {
        Objects.requireNonNull(key, "key");
        if (key.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("cursor key holds a line break");
        }
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((id + "" + SEPARATOR + key).getBytes(StandardCharsets.UTF_8));
    }

    /** Null for null (the first page); otherwise the cursor, or a 400 naming the parameter. */
    public static Cursor decode(String text) {
        if (text == null) {
            return null;
        }
        String rule = "a next value returned by a previous page";
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException.Invalid("cursor", text, rule);
        }
        int sep = plain.indexOf(SEPARATOR);
        if (sep < 1 || plain.substring(sep + 1).chars().anyMatch(Character::isISOControl)) {
            throw new ApiException.Invalid("cursor", text, rule);
        }
        try {
            return new Cursor(plain.substring(sep + 1), Long.parseLong(plain.substring(0, sep)));
        } catch (IllegalArgumentException e) {
            throw new ApiException.Invalid("cursor", text, rule);
        }
    }
}
