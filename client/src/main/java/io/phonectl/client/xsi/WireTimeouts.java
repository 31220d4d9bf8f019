package io.phonectl.client.xsi;

import org.eclipse.jetty.io.CyclicTimeouts;
import org.eclipse.jetty.util.thread.Scheduler;

import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deadlines of every exchange in flight, on one timer: Jetty's {@link CyclicTimeouts} wakes up at the earliest
 * deadline only and walks the exchanges then, so an exchange costs an add and a remove, not a timer of its own (a timer
 * per exchange, plus Jetty's own per connect, was a tenth of the client's work per push: JFR, 10,000 phones).
 */
final class WireTimeouts extends CyclicTimeouts<WireExchange> {

    private final Set<WireExchange> live = ConcurrentHashMap.newKeySet();

    WireTimeouts(Scheduler scheduler) {
        super(scheduler);
    }

    void watch(WireExchange exchange) {
        live.add(exchange);
        schedule(exchange);
    }

    void forget(WireExchange exchange) {
        live.remove(exchange);
    }

    int watched() {
        return live.size();
    }

    @Override
    protected Iterator<WireExchange> iterator() {
        return live.iterator();
    }

    @Override
    protected boolean onExpired(WireExchange exchange) {
        return exchange.expire(System.nanoTime());
    }
}
