package io.phonectl.server.event;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The hub of one process: a set of subscriptions, each fed by {@link #publish} on the appender's thread. */
final class LocalEventHub implements EventHub {

    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    @Override
    public Subscription subscribe(EventFilter filter, int capacity) {
        Subscription[] self = new Subscription[1];
        Subscription s = new Subscription(filter, capacity, () -> subscriptions.remove(self[0]));
        self[0] = s;
        subscriptions.add(s);
        if (closed) {
            s.end();
        }
        return s;
    }

    @Override
    public void publish(List<Event> committed) {
        for (Subscription s : subscriptions) {
            for (Event e : committed) {
                s.offer(e);
            }
        }
    }

    @Override
    public int subscribers() {
        return subscriptions.size();
    }

    @Override
    public void close() {
        closed = true;
        subscriptions.forEach(Subscription::end);
    }
}
