package io.phonectl.sim.cucm;

import io.phonectl.cucm.axl.ChangeBatch;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AXL's change notification cache: numbered changes in memory, the oldest dropped beyond the capacity, a queue id
 * that changes when the AXL service restarts (AXL developer guide, "Data Change Notification"). Not thread-safe: the
 * directory calls it under its lock.
 */
final class ChangeQueue {

    private final int capacity;
    private final int perAnswer;
    private final Deque<ChangeBatch.Change> changes = new ArrayDeque<>();
    private String queueId = newId();
    private long nextId = 1;

    ChangeQueue(int capacity, int perAnswer) {
        this.capacity = capacity;
        this.perAnswer = perAnswer;
    }

    private static String newId() {
        byte[] b = new byte[6];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    void record(String uuid, String action, boolean doGet, Map<String, String> tags) {
        changes.addLast(new ChangeBatch.Change("Phone", uuid, nextId++, action, doGet, tags));
        while (changes.size() > capacity) {
            changes.removeFirst();
        }
    }

    /** The AXL service restarted: a new queue id and an empty cache. */
    void restart() {
        queueId = newId();
        changes.clear();
    }

    String queueId() {
        return queueId;
    }

    long first() {
        return changes.isEmpty() ? nextId : changes.getFirst().id();
    }

    long last() {
        return nextId - 1;
    }

    /**
     * Changes from {@code start} (null: from the oldest held) of the listed object types.
     *
     * @throws Gone when the queue id is not this queue's, or the start has already been dropped
     */
    ChangeBatch since(Long start, String clientQueueId, Set<String> objects) {
        if (start != null && !queueId.equals(clientQueueId)) {
            throw new Gone(true);
        }
        long from = start == null ? first() : start;
        if (from < first()) {
            throw new Gone(false);
        }
        List<ChangeBatch.Change> out = new ArrayList<>();
        long next = from;
        for (ChangeBatch.Change c : changes) {
            if (c.id() < from) {
                continue;
            }
            if (out.size() >= perAnswer) {
                break;
            }
            if (objects.isEmpty() || objects.stream().anyMatch(o -> o.equalsIgnoreCase(c.type()))) {
                out.add(c);
            }
            next = c.id() + 1;
        }
        if (out.size() < perAnswer) {
            next = Math.max(next, nextId);
        }
        return new ChangeBatch(new ChangeBatch.QueueInfo(first(), last(), next, queueId), out);
    }

    /** The client's place in the queue is gone: a full sync is needed. */
    static final class Gone extends RuntimeException {
        final boolean wrongQueue;

        Gone(boolean wrongQueue) {
            super(null, null, false, false);
            this.wrongQueue = wrongQueue;
        }
    }
}
