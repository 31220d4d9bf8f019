package io.phonectl.server.job;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What is read off a finished job's items (its counts and timings, its timeline), kept once computed: a job that is
 * done or cancelled has only final items and never changes again, while each of these reads scans all its items (a
 * 10,000-item job's page read them three times). A bounded map, least recently used out; per replica, which is
 * correct because a final job is final on every replica.
 */
final class FinalFigures {

    static final int MAX_ENTRIES = 256;

    /** The counts by outcome and the timings of a finished job. */
    record Summary(Map<String, Long> counts, Job.Timings timings) {
    }

    private final Map<Object, Object> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** Whether a job in this state has only final items. */
    private static boolean isFinal(String state) {
        return state.equals("done") || state.equals("cancelled");
    }

    /** The job's summary: kept once read when the job, in {@code state}, is final; read each time before that. */
    Summary summary(long job, String state, Supplier<Summary> read) {
        return isFinal(state) ? get(job, read) : read.get();
    }

    /** The same for the job's timeline in so many buckets. */
    JobViews.Timeline timeline(long job, int buckets, String state, Supplier<JobViews.Timeline> read) {
        return isFinal(state) ? get(new TimelineKey(job, buckets), read) : read.get();
    }

    private record TimelineKey(long job, int buckets) {
    }

    @SuppressWarnings("unchecked")
    private <T> T get(Object key, Supplier<T> read) {
        synchronized (entries) {
            Object known = entries.get(key);
            if (known != null) {
                return (T) known;
            }
        }
        T value = read.get(); // outside the lock: two readers may both compute it once, with the same result
        synchronized (entries) {
            entries.put(key, value);
        }
        return value;
    }
}
