package io.phonectl.server.http;

/**
 * A list request's {@code limit} and {@code cursor}, checked at the boundary.
 *
 * @param limit  items per page, 1..{@value #MAX_LIMIT}
 * @param cursor where the previous page ended, or null for the first page
 */
public record Paging(int limit, Cursor cursor) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public Paging {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ApiException.Invalid("limit", limit, "an integer 1.." + MAX_LIMIT + " (items per page)");
        }
    }

    public static Paging first(int limit) {
        return new Paging(limit, null);
    }

    /** From query parameters as text (null when absent). */
    public static Paging of(String limit, String cursor) {
        int n = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                n = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                throw new ApiException.Invalid("limit", limit, "an integer 1.." + MAX_LIMIT + " (items per page)");
            }
        }
        return new Paging(n, Cursor.decode(cursor));
    }
}
