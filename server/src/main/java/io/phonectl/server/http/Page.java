package io.phonectl.server.http;

import java.util.List;

/**
 * One page of a list: {@code {"items":[…],"next":"…"|null,"total":n}}. {@code next} is absent (null) on the last
 * page; {@code total} counts every item the filter selects, not just this page's.
 */
public record Page<T>(List<T> items, String next, long total) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * A page from {@code limit + 1} rows fetched: the extra row only says whether there is a next page.
     *
     * @param cursorOf the cursor that points after an item
     */
    public static <T> Page<T> of(List<T> fetched, int limit, long total, java.util.function.Function<T, Cursor> cursorOf) {
        if (fetched.size() > limit) {
            List<T> items = fetched.subList(0, limit);
            return new Page<>(items, cursorOf.apply(items.get(limit - 1)).encode(), total);
        }
        return new Page<>(fetched, null, total);
    }

    public <R> Page<R> map(java.util.function.Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), next, total);
    }
}
