package io.phonectl.sim.xapi;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What a device received and emitted, for the inspection API: the newest {@link #CAPACITY} requests with their
 * outcome and the newest {@link #CAPACITY} events. Bounded so a long-running fleet does not grow without limit.
 */
public final class DeviceLog {
    public static final int CAPACITY = 200;

    /** One request: the call as the protocol core decoded it, and "ok" with the result or the error. */
    public record Received(Instant at, String role, String call, boolean ok, JsonNode result, String error) {
    }

    /** One event as subscribers saw it ({@code {"Event":{name:body}}} without the wrapper). */
    public record Emitted(Instant at, String name, JsonNode body) {
    }

    private final Deque<Received> received = new ArrayDeque<>();
    private final Deque<Emitted> emitted = new ArrayDeque<>();

    synchronized void received(Received r) { add(received, r); }

    synchronized void emitted(Emitted e) { add(emitted, e); }

    public synchronized List<Received> received() { return List.copyOf(received); }

    public synchronized List<Emitted> emitted() { return List.copyOf(emitted); }

    synchronized void clear() {
        received.clear();
        emitted.clear();
    }

    private static <T> void add(Deque<T> d, T item) {
        if (d.size() == CAPACITY) d.removeFirst();
        d.addLast(item);
    }
}
