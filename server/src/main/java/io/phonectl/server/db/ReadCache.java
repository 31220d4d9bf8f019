package io.phonectl.server.db;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Answers read from the database, kept for as long as nothing has been written since: on a database that this
 * process alone writes ({@link Database#soleWriter()}: H2), an answer is read again only when {@link Database#writes()}
 * moved since it was read, which it does after every commit of this process (any table, but for the few writes
 * {@link Writes#uncounted} leaves out). The number is read before the answer, so an answer read while a write commits
 * is kept under the number from before that commit and read again by the next request: whoever was told that a write
 * is done reads what it wrote. On PostgreSQL other processes write too, and every answer is read from the database.
 *
 * <p>Each answer weighs something ({@code weight}: a page's devices, one for a token); past {@code maxWeight} kept,
 * the cache starts again empty. An answer that weighs 0 is not kept (read every time). The answers are shared
 * between readers: they must be immutable.
 */
public final class ReadCache<K, V> {

    private record Kept<V>(long writes, V value) {
    }

    private final Database db;
    private final long maxWeight;
    private final ToIntFunction<V> weight;
    private final ConcurrentHashMap<K, Kept<V>> kept = new ConcurrentHashMap<>();
    private final AtomicLong weighs = new AtomicLong();

    public ReadCache(Database db, long maxWeight, ToIntFunction<V> weight) {
        this.db = db;
        this.maxWeight = maxWeight;
        this.weight = weight;
    }

    /** The answer for {@code key}: kept, or from {@code read} (and then kept). */
    public V get(K key, Supplier<V> read) {
        if (!db.soleWriter()) {
            return read.get();
        }
        long writes = db.writes().committed(); // before the answer: see the class comment
        Kept<V> k = kept.get(key);
        if (k != null && k.writes() == writes) {
            return k.value();
        }
        V value = read.get();
        int w = weight.applyAsInt(value);
        if (w == 0) {
            return value; // not kept (a token that does not exist: made-up ones must not push the real ones out)
        }
        if (weighs.addAndGet(w) > maxWeight) {
            kept.clear();
            weighs.set(w);
        }
        kept.put(key, new Kept<>(writes, value));
        return value;
    }

    /** How many answers are kept (for tests). */
    public int size() {
        return kept.size();
    }
}
