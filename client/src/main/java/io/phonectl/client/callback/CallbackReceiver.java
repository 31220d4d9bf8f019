package io.phonectl.client.callback;

import io.phonectl.client.credentials.Credentials;
import io.phonectl.xsi.codec.FormBody;
import io.phonectl.xsi.codec.XsiCodec;
import io.phonectl.xsi.component.NotifyApplicationEvent;
import io.phonectl.xsi.component.NotifyMediaEvent;
import io.phonectl.xsi.object.XsiDocument;
import io.phonectl.xsi.uri.NotifyUri;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP endpoint for the phones' Notify POSTs: {@code application/x-www-form-urlencoded; charset="UTF-8"},
 * body {@code DATA=<event XML or the Notify URI's data>} (control spec Notify; reference notes §2.8). Checks
 * the Basic credentials that the Notify URI carried, answers 200 with an empty body, and hands typed events
 * to the listeners. Prints nothing and logs no credentials.
 */
public final class CallbackReceiver implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final CallbackConfig config;
    private final List<CallbackListener> listeners = new CopyOnWriteArrayList<>();

    private CallbackReceiver(CallbackConfig config) {
        this.config = config;
        QueuedThreadPool pool = new QueuedThreadPool(32, 2);
        pool.setName("phonectl-callback");
        server = new Server(pool);
        connector = new ServerConnector(server, 1, 1);
        connector.setHost(config.bind().getHostAddress());
        connector.setPort(config.port());
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                receive(request, response, callback);
                return true;
            }
        });
    }

    /** Starts listening; the port is known after this returns ({@link #port()}). */
    public static CallbackReceiver start(CallbackConfig config, CallbackListener listener) {
        CallbackReceiver r = new CallbackReceiver(Objects.requireNonNull(config, "config"));
        if (listener != null) {
            r.listeners.add(listener);
        }
        try {
            r.server.start();
        } catch (Exception e) {
            try {
                r.server.stop();
            } catch (Exception ignored) {
                // already failing
            }
            throw new IllegalStateException("cannot listen on " + config.bind().getHostAddress() + ":" + config.port()
                    + ": " + e.getMessage(), e);
        }
        return r;
    }

    public void addListener(CallbackListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public int port() {
        return connector.getLocalPort();
    }

    /**
     * The Notify URI that makes a phone post here: {@code Notify:http:host:port:path[:credentials]}. Host is the
     * address phones can reach (the receiver cannot know it behind NAT), path without ':' or ';'.
     */
    public NotifyUri notifyUri(String reachableHost, String path) {
        Credentials c = config.credentials();
        return new NotifyUri(reachableHost, port(), path, c == null ? null : c.base64(), null);
    }

    private void receive(Request request, Response response, Callback callback) {
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        String from = remote instanceof InetSocketAddress in ? in.getAddress().getHostAddress() + ":" + in.getPort()
                : String.valueOf(remote);
        CallbackEvent.Origin origin = new CallbackEvent.Origin(from, request.getHttpURI().getPath(), Instant.now());
        if (!HttpMethod.POST.is(request.getMethod())) {
            reject(origin, 405, "method " + request.getMethod() + " (phones POST)", response, callback);
            return;
        }
        Credentials expected = config.credentials();
        if (expected != null && !expected.matches(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"phonectl\"");
            reject(origin, 401, request.getHeaders().contains(HttpHeader.AUTHORIZATION)
                    ? "credentials do not match the Notify URI's" : "no credentials", response, callback);
            return;
        }
        long declared = request.getLength();
        if (declared > config.maxBodyBytes()) {
            reject(origin, 413, "body of " + declared + " bytes exceeds " + config.maxBodyBytes(), response, callback);
            return;
        }
        Content.Source.asByteBufferAsync(request, config.maxBodyBytes()).whenComplete((buffer, failure) -> {
            if (failure != null) {
                reject(origin, 400, "body unreadable or larger than " + config.maxBodyBytes() + " bytes",
                        response, callback);
                return;
            }
            byte[] body = new byte[buffer.remaining()];
            buffer.get(body);
            CallbackEvent event = parse(origin, body);
            if (event instanceof CallbackEvent.Rejected r) {
                reject(origin, r.httpStatus(), r.reason(), response, callback);
                return;
            }
            response.setStatus(200);
            response.write(true, ByteBuffer.allocate(0), callback);
            deliver(event);
        });
    }

    /** Reads {@code DATA=…} (all three body styles the codec accepts) into a typed event. Never throws. */
    static CallbackEvent parse(CallbackEvent.Origin origin, byte[] body) {
        byte[] data;
        try {
            data = FormBody.field(body, FormBody.DATA_FIELD);
        } catch (RuntimeException e) {
            return new CallbackEvent.Rejected(origin, 400, "form body unreadable: " + e.getMessage());
        }
        if (data == null) {
            return new CallbackEvent.Rejected(origin, 400, "no DATA field in the body");
        }
        String text = new String(data, StandardCharsets.UTF_8);
        if (!text.stripLeading().startsWith("<")) {
            return new CallbackEvent.Data(origin, text);
        }
        try {
            XsiDocument doc = XsiCodec.decode(data, XsiCodec.Mode.LENIENT);
            return switch (doc) {
                case NotifyMediaEvent m -> new CallbackEvent.Media(origin, m);
                case NotifyApplicationEvent a -> new CallbackEvent.Application(origin, a);
                default -> new CallbackEvent.Data(origin, text);
            };
        } catch (RuntimeException e) {
            return new CallbackEvent.Data(origin, text);
        }
    }

    private void reject(CallbackEvent.Origin origin, int status, String reason, Response response, Callback callback) {
        response.setStatus(status);
        response.write(true, ByteBuffer.allocate(0), callback);
        deliver(new CallbackEvent.Rejected(origin, status, reason));
    }

    private void deliver(CallbackEvent event) {
        for (CallbackListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                // one listener's failure must not stop the others or the phone's answer
            }
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the callback receiver: " + e.getMessage(), e);
        }
    }
}
