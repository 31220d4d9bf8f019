package io.phonectl.client.xsi;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.Transport;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Scheduler;

import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The state of one exchange on a connection of its own, from the connect to the answer: its phase, its one timer
 * (the whole exchange's timeout) and the future it completes exactly once. It is the exchange's {@link Transport}
 * for Jetty's {@code ClientConnector} (so the connector hands the connected end point back to this exchange and
 * nothing is looked up per phone) and the connect {@link Promise} (refused, unreachable, connect timeout).
 *
 * <p>Threading: created by the caller; the connect outcome, the I/O and the answer arrive on the selector thread,
 * the timeout on the scheduler's; whoever completes the future first wins, the others find it done.
 */
final class WireExchange extends Transport.Wrapper implements Promise<Connection> {

    private final ByteBuffer[] request;
    private final int maxAnswerBytes;
    private final long started = System.nanoTime();
    private final CompletableFuture<Exchange> result = new CompletableFuture<>();
    private volatile Phase phase = Phase.CONNECT;
    private volatile WireConnection connection;
    private volatile SelectableChannel channel;
    private Scheduler.Task timer;

    WireExchange(ByteBuffer[] request, int maxAnswerBytes) {
        super(Transport.TCP_IP);
        this.request = request;
        this.maxAnswerBytes = maxAnswerBytes;
    }

    CompletableFuture<Exchange> result() {
        return result;
    }

    /** Arms the exchange's timeout; a timer that fires after the answer finds the future done. */
    void arm(Scheduler scheduler, long timeoutMillis) {
        Scheduler.Task t = scheduler.schedule(this::expire, timeoutMillis, TimeUnit.MILLISECONDS);
        synchronized (this) {
            timer = t;
        }
        if (result.isDone()) {
            t.cancel();
        }
    }

    ByteBuffer[] request() {
        return request;
    }

    int maxAnswerBytes() {
        return maxAnswerBytes;
    }

    Phase phase() {
        return phase;
    }

    void phase(Phase p) {
        phase = p;
    }

    // ---- Transport: the connector asks the exchange for its channel and its connection ----

    @Override
    public SelectableChannel newSelectableChannel() throws java.io.IOException {
        SelectableChannel ch = super.newSelectableChannel();
        channel = ch;
        return ch;
    }

    @Override
    public Connection newConnection(EndPoint endPoint, Map<String, Object> context) {
        WireConnection c = new WireConnection(endPoint, this);
        connection = c;
        return c;
    }

    // ---- Promise: how the connect ended ----

    @Override
    public void succeeded(Connection c) {
        // the connection's onOpen writes the request
    }

    @Override
    public void failed(Throwable failure) {
        fail(failure);
    }

    // ---- completion ----

    void answered(Answer answer) {
        if (result.complete(new Exchange.Answered(answer))) {
            cancelTimer();
        }
    }

    void fail(Throwable failure) {
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (result.complete(new Exchange.Failed(FailureClassifier.classify(failure, phase, ms, maxAnswerBytes)))) {
            cancelTimer();
            close(failure);
        }
    }

    void fail(PushOutcome outcome) {
        if (result.complete(new Exchange.Failed(outcome))) {
            cancelTimer();
            close(null);
        }
    }

    private void expire() {
        fail(new TimeoutException("no answer within the exchange's timeout"));
    }

    /** Closes what this exchange holds: the connection, or the socket still connecting (so no fd outlives it). */
    private void close(Throwable why) {
        WireConnection c = connection;
        if (c != null) {
            c.getEndPoint().close(why);
            return;
        }
        SelectableChannel ch = channel;
        if (ch != null) {
            try {
                ch.close();
            } catch (java.io.IOException ignored) {
                // closing a socket that never connected: nothing left to do
            }
        }
    }

    private void cancelTimer() {
        Scheduler.Task t;
        synchronized (this) {
            t = timer;
        }
        if (t != null) {
            t.cancel();
        }
    }
}
