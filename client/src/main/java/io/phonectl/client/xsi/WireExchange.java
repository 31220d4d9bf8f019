package io.phonectl.client.xsi;

import org.eclipse.jetty.io.ClientConnectionFactory;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.CyclicTimeouts;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.Transport;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;
import org.eclipse.jetty.util.Promise;

import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The state of one exchange on a connection of its own, from the connect to the answer: its phase, its deadline and
 * the future it completes exactly once. It is the exchange's {@link Transport} for Jetty's {@code ClientConnector} (so
 * the connector hands the connected end point back to this exchange and nothing is looked up per phone) and the
 * connect {@link Promise} (refused, unreachable, the connector's connect timeout). Its deadline is watched by the
 * transport's one {@link CyclicTimeouts} (no timer per exchange), which calls {@link #expire}.
 *
 * <p>Threading: created by the caller; the connect outcome, the I/O and the answer arrive on the selector thread,
 * the deadlines on the scheduler's; whoever completes the future first wins, the others find it done.
 */
final class WireExchange extends Transport.Wrapper implements Promise<Connection>, CyclicTimeouts.Expirable,
        SslHandshakeListener {

    private final ByteBuffer[] request;
    private final TransportConfig config;
    /** TLS for an {@code https://} phone (it makes this exchange's connection inside its own); null for HTTP. */
    private final ClientConnectionFactory tls;
    private final AnswerParsers parsers;
    private final long started = System.nanoTime();
    private final long answerBy;
    /** When the connect must have succeeded (the config's connect timeout, within the exchange's own). */
    private final long connectBy;
    private final Consumer<WireExchange> done;
    private final CompletableFuture<Exchange> result = new CompletableFuture<>();
    private volatile Phase phase = Phase.CONNECT;
    private volatile WireConnection connection;
    private volatile SelectableChannel channel;

    /** {@code done} hears of the completion (the transport stops watching the deadlines). */
    WireExchange(ByteBuffer[] request, TransportConfig config, ClientConnectionFactory tls, AnswerParsers parsers,
                 long timeoutNanos, Consumer<WireExchange> done) {
        super(Transport.TCP_IP);
        this.request = request;
        this.config = config;
        this.tls = tls;
        this.parsers = parsers;
        this.answerBy = started + timeoutNanos;
        this.connectBy = started + Math.min(timeoutNanos, config.connectTimeout().toNanos());
        this.done = done;
    }

    CompletableFuture<Exchange> result() {
        return result;
    }

    /** The connect deadline while connecting, then the answer's; the deadline set reads it when it wakes up. */
    @Override
    public long getExpireNanoTime() {
        return result.isDone() ? Long.MAX_VALUE : phase == Phase.CONNECT ? connectBy : answerBy;
    }

    /**
     * A deadline may have passed ({@code now} is on or after the earliest): the exchange ends as timed out in its
     * phase. Returns whether the deadline set may forget it (done), or must keep watching (connected in time).
     */
    boolean expire(long now) {
        if (result.isDone()) {
            return true;
        }
        if (now - answerBy >= 0) {
            fail(new TimeoutException("no answer within the exchange's timeout"));
        } else if (phase == Phase.CONNECT && now - connectBy >= 0) {
            fail(new java.net.SocketTimeoutException("connect timeout"));
        }
        return result.isDone();
    }

    ByteBuffer[] request() {
        return request;
    }

    /** The transport's answer parsers (the connection takes one and gives it back). */
    AnswerParsers parsers() {
        return parsers;
    }

    int maxAnswerBytes() {
        return config.maxAnswerBytes();
    }

    int maxHeaderBytes() {
        return config.maxHeaderBytes();
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
    public Connection newConnection(EndPoint endPoint, Map<String, Object> context) throws java.io.IOException {
        return tls == null ? open(endPoint) : tls.newConnection(endPoint, context);
    }

    /** The exchange's connection on {@code endPoint}: the socket's, or inside TLS the decrypted side's. */
    WireConnection open(EndPoint endPoint) {
        if (endPoint instanceof SslConnection.SslEndPoint tlsSide) {
            // a refused certificate otherwise reaches the exchange only as a closed connection
            tlsSide.getSslConnection().addHandshakeListener(this);
        }
        WireConnection c = new WireConnection(endPoint, this);
        connection = c;
        return c;
    }

    // ---- SslHandshakeListener: an https:// phone's handshake failed (its certificate, most often) ----

    @Override
    public void handshakeFailed(Event event, Throwable failure) {
        fail(failure);
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
        complete(new Exchange.Answered(answer));
    }

    void fail(Throwable failure) {
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (!result.isDone() && complete(new Exchange.Failed(FailureClassifier.classify(failure, phase, ms, config)))) {
            close(failure);
        }
    }

    void fail(PushOutcome outcome) {
        if (complete(new Exchange.Failed(outcome))) {
            close(null);
        }
    }

    /** The first end wins; the transport stops watching before anyone can see the result. */
    private boolean complete(Exchange end) {
        if (result.isDone()) {
            return false;
        }
        done.accept(this);
        return result.complete(end);
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
}
