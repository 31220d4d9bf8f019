package io.phonectl.server.db;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Answers read from the database, kept for as long as nothing has been written since: an answer is read again only
 * when {@link Database#readVersion()} has changed since it was read. On H2 (written by this process alone) that is
 * this process's count of commits, which moves after every commit (any table, but for the few writes
 * {@link Writes#uncounted} leaves out); on PostgreSQL it is the {@code write_mark} sequence, which every replica
 * moves after such a commit. The version is read before the answer, so an answer read while a write commits is kept under the
 * version from before that commit and read again by the next request: whoever was told that a write is done reads
 * what it wrote, on this replica or any other. Where there is no version (an H2 file two pools of this process
 * share), every answer is read from the database.
 *
 * <p>Each answer weighs something ({@code weight}: a page's devices, one for a token); past {@code maxWeight} kept,
 * the cache starts again empty. An answer that weighs 0 is not kept (read every time). The answers are shared
 * between readers: they must be immutable.
 */
public final class ReadCache<K, V> {

    private record Kept<V>(Object version, V value) {
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
        Object version = db.readVersion(); // before the answer: see the class comment
        if (version == null) {
            return read.get();
        }
        Kept<V> k = kept.get(key);
        if (k != null && k.version().equals(version)) {
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
        kept.put(key, new Kept<>(version, value));
        return value;
    }

    /** How many answers are kept (for tests). */
    public int size() {
        return kept.size();
    }
}
